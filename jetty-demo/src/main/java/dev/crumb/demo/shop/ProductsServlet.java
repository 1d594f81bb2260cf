package dev.crumb.demo.shop;

import dev.crumb.Html;
import dev.crumb.demo.web.CrumbHooks;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.SiteTexts;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalog at {@code /products} and one page per product at {@code /products/{id}}. A product page
 * remembers the product in the {@code recently_viewed} cookie and lists the others viewed before.
 */
public final class ProductsServlet extends HttpServlet {

    private static final int COOKIE_MAX_AGE = (int) Duration.ofDays(30).toSeconds();

    private final Catalog catalog;
    private final SiteLayout layout;

    /** Creates the servlet for {@code catalog}. */
    public ProductsServlet(Catalog catalog, SiteLayout layout) {
        this.catalog = catalog;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        SiteTexts t = SiteTexts.of(request);
        if (pathInfo == null || pathInfo.equals("/")) {
            HtmlResponse.send(response, layout.page(request, t.get("products.title"), catalogPage(t), t.lang()));
            return;
        }
        Optional<Product> product = catalog.find(pathInfo.substring(1));
        if (product.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RecentlyViewed before = RecentlyViewed.parse(recentlyViewedCookie(request), catalog);
        rememberViewed(request, response, before.viewed(product.get().id()));
        HtmlResponse.send(response, layout.page(request, product.get().name(t),
                productPage(request, product.get(), before.except(product.get().id()), t), t.lang()));
    }

    private Html catalogPage(SiteTexts t) {
        return Html.of("""
                <h1>%s</h1>
                <p class="lead">%s</p>
                %s""", t.get("products.title"), t.get("products.lead"), ProductCards.grid(catalog.all(), 2, t));
    }

    private Html productPage(HttpServletRequest request, Product product, List<String> recentIds, SiteTexts t) {
        return Html.of("""
                <nav class="breadcrumbs" aria-label="%s"><ol>
                  <li><a href="/products">%s</a></li><li aria-current="page">%s</li>
                </ol></nav>
                <article class="product-detail">
                  <div class="product-art product-art-large">%s</div>
                  <div class="product-info">
                    <p class="eyebrow">%s</p>
                    <h1>%s</h1>
                    <p class="price price-large">%s</p>
                    <p>%s</p>
                    <form class="add-to-cart" method="post" action="/cart">
                      %s
                      <input type="hidden" name="action" value="add">
                      <input type="hidden" name="product" value="%s">
                      <label for="quantity">%s</label>
                      <input id="quantity" name="quantity" type="number" inputmode="numeric" min="1" max="%s" value="1">
                      <button type="submit" class="button">%s</button>
                    </form>
                    <p class="fine-print">%s</p>
                  </div>
                </article>
                %s""", t.get("products.breadcrumb"), t.get("products.title"), product.name(t),
                product.illustration().svg(), product.category(t), product.name(t), product.price(t.formatLocale()),
                product.summary(t), CrumbHooks.csrfField(request), product.id(), t.get("products.quantity"),
                Cart.MAX_QUANTITY, t.get("products.add"), t.html("products.questions"),
                recentlyViewedSection(recentIds, t));
    }

    private Html recentlyViewedSection(List<String> ids, SiteTexts t) {
        List<Product> products = ids.stream().flatMap(id -> catalog.find(id).stream()).toList();
        if (products.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.of("""
                <section class="recently-viewed" aria-labelledby="recently-viewed-title">
                  <h2 id="recently-viewed-title">%s</h2>
                  %s
                </section>""", t.get("products.recent"), ProductCards.grid(products, 3, t));
    }

    private static String recentlyViewedCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies)
                .filter(cookie -> RecentlyViewed.COOKIE_NAME.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private static void rememberViewed(HttpServletRequest request, HttpServletResponse response,
                                       RecentlyViewed viewed) {
        // Set like any application that knows nothing about consent would set it: Crumb holds it back
        // unless the visitor allowed preferences (DemoServer registers it as such, with this path).
        Cookie cookie = new Cookie(RecentlyViewed.COOKIE_NAME, viewed.cookieValue());
        cookie.setPath(RecentlyViewed.COOKIE_PATH);
        cookie.setMaxAge(COOKIE_MAX_AGE);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
