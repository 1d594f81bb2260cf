package dev.crumb.demo.pages;

import dev.crumb.demo.shop.Catalog;
import dev.crumb.demo.shop.ProductCards;
import dev.crumb.demo.shop.ProductIllustration;
import dev.crumb.demo.web.Html;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The home page at {@code /}: what the shop sells, featured products and how to reach us. */
public final class HomeServlet extends HttpServlet {

    private static final int FEATURED = 4;

    private final Catalog catalog;
    private final SiteLayout layout;

    /** Creates the servlet featuring products of {@code catalog}. */
    public HomeServlet(Catalog catalog, SiteLayout layout) {
        this.catalog = catalog;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HtmlResponse.send(response, layout.page(request, "Office equipment and supplies", Html.of("""
                <section class="hero" aria-labelledby="hero-title">
                  <div class="hero-text">
                    <p class="eyebrow">Printers · Copiers · Supplies</p>
                    <h1 id="hero-title">Everything your office runs on, delivered next business day.</h1>
                    <p class="lead">Dependable machines, the paper and toner they need, and people on the phone
                    who know them. Ordering for a team of three or three hundred.</p>
                    <p class="actions"><a class="button" href="/products">Shop all products</a>
                    <a class="button button-secondary" href="/support">Get product support</a></p>
                  </div>
                  <div class="hero-art" aria-hidden="true">{}</div>
                </section>
                <section aria-labelledby="featured-title">
                  <div class="section-head">
                    <h2 id="featured-title">Popular this month</h2>
                    <a href="/products">See all {} products</a>
                  </div>
                  {}
                </section>
                <section class="promises" aria-label="Why order from us">
                  <div><h2>Free delivery</h2><p>On every order over $100 within the continental US.</p></div>
                  <div><h2>Real people</h2><p>Our help line answers weekdays 8 am–6 pm on 1-800-555-0142.</p></div>
                  <div><h2>Toner recycling</h2><p>Send empty cartridges back in the box they came in, free.</p></div>
                  <div><h2>Your privacy</h2><p>We ask before using cookies we do not need.
                  <a href="/privacy">Read our privacy policy</a>.</p></div>
                </section>""",
                ProductIllustration.COPIER.svg(), catalog.all().size(),
                ProductCards.grid(catalog.all().subList(0, FEATURED), 3))));
    }
}
