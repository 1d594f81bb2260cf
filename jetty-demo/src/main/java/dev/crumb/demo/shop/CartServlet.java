package dev.crumb.demo.shop;

import dev.crumb.Html;
import dev.crumb.demo.web.CrumbHooks;
import dev.crumb.demo.web.CsrfRefusal;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.SiteTexts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The cart at {@code /cart}: {@code GET} lists it, {@code POST} with {@code action=add} or
 * {@code action=remove} changes it and redirects back (Post/Redirect/Get).
 */
public final class CartServlet extends HttpServlet {

    private final Catalog catalog;
    private final CartStore carts;
    private final CartOwner owner;
    private final SiteLayout layout;
    private final CsrfRefusal csrf;

    /** Creates the servlet keeping carts in {@code carts} under the key {@code owner} gives. */
    public CartServlet(Catalog catalog, CartStore carts, CartOwner owner, SiteLayout layout) {
        this.catalog = catalog;
        this.carts = carts;
        this.owner = owner;
        this.layout = layout;
        this.csrf = new CsrfRefusal(layout);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> key = owner.keyOf(request);
        SiteTexts t = SiteTexts.of(request);
        Html main = key.map(k -> cartPage(request, carts.cartOf(k), t)).orElseGet(() -> needsCookiesPage(t));
        HtmlResponse.send(response, layout.page(request, t.get("cart.title"), main, t.lang()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (csrf.refused(request, response, "/cart")) {
            return;
        }
        Optional<String> key = owner.keyOf(request);
        Optional<UnaryOperator<Cart>> change = changeOf(request);
        if (change.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        key.ifPresent(k -> carts.update(k, change.get()));
        HtmlResponse.seeOther(response, "/cart");
    }

    private Optional<UnaryOperator<Cart>> changeOf(HttpServletRequest request) {
        Optional<Product> product = catalog.find(request.getParameter("product"));
        if (product.isEmpty()) {
            return Optional.empty();
        }
        String id = product.get().id();
        return switch (String.valueOf(request.getParameter("action"))) {
            case "add" -> quantity(request.getParameter("quantity")).map(q -> cart -> cart.add(id, q));
            case "remove" -> Optional.of(cart -> cart.remove(id));
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> quantity(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(1);
        }
        try {
            int quantity = Integer.parseInt(value.strip());
            return quantity >= 1 && quantity <= Cart.MAX_QUANTITY ? Optional.of(quantity) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Html cartPage(HttpServletRequest request, Cart cart, SiteTexts t) {
        List<Cart.Line> lines = cart.lines(catalog);
        if (lines.isEmpty()) {
            return Html.of("""
                    <h1>%s</h1>
                    <div class="empty-state"><p>%s</p>
                    <p><a class="button" href="/products">%s</a></p></div>""",
                    t.get("cart.title"), t.get("cart.empty"), t.get("cart.browse"));
        }
        Html items = lines.stream().map(line -> lineItem(request, line, t)).collect(Html.joining());
        return Html.of("""
                <h1>%s</h1>
                <ul class="cart-lines" aria-label="%s">%s</ul>
                <p class="cart-total">%s <strong>%s</strong></p>
                <p class="actions"><a class="button button-secondary" href="/products">%s</a></p>
                <p class="fine-print">%s</p>""",
                t.get("cart.title"), t.get("cart.lines"), items,
                t.format(cart.itemCount() == 1 ? "cart.totalOne" : "cart.total", cart.itemCount()),
                Product.formatCents(cart.totalCents(catalog), t.formatLocale()), t.get("cart.keepShopping"),
                t.get("cart.demoNote"));
    }

    private static Html lineItem(HttpServletRequest request, Cart.Line line, SiteTexts t) {
        Product product = line.product();
        return Html.of("""
                <li class="cart-line">
                  <div class="cart-line-art">%s</div>
                  <div class="cart-line-info"><a href="%s">%s</a><p class="fine-print">%s × %s</p></div>
                  <p class="cart-line-total">%s</p>
                  <form class="cart-line-remove" method="post" action="/cart">%s
                    <input type="hidden" name="action" value="remove"><input type="hidden" name="product" value="%s">
                    <button type="submit" class="button button-small button-secondary">%s<span class="visually-hidden"> %s</span></button>
                  </form>
                </li>""", product.illustration().svg(), product.path(), product.name(t), line.quantity(),
                product.price(t.formatLocale()), Product.formatCents(line.totalCents(), t.formatLocale()),
                CrumbHooks.csrfField(request), product.id(), t.get("cart.remove"), product.name(t));
    }

    // Crumb answers a browser without its cookie on /cart itself (cookie-required path); this page is
    // the fallback should the cart ever be reached without a recognised visitor.
    private static Html needsCookiesPage(SiteTexts t) {
        return Html.of("""
                <h1>%s</h1>
                <div class="empty-state" id="cart-needs-cookies">
                  <p>%s</p>
                  <p>%s</p>
                </div>""", t.get("cart.title"), t.get("cart.needsCookies"), t.get("cart.allowCookies"));
    }
}
