package dev.crumb.demo.pages;

import dev.crumb.Html;
import dev.crumb.demo.shop.Catalog;
import dev.crumb.demo.shop.ProductCards;
import dev.crumb.demo.shop.ProductIllustration;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.SiteTexts;
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
        SiteTexts t = SiteTexts.of(request);
        Html products = ProductCards.grid(catalog.all().subList(0, FEATURED), 3, t);
        HtmlResponse.send(response, layout.page(request, t.get("home.title"), Html.of("""
                <section class="hero" aria-labelledby="hero-title">
                  <div class="hero-text">
                    <p class="eyebrow">%s</p>
                    <h1 id="hero-title">%s</h1>
                    <p class="lead">%s</p>
                    <p class="actions"><a class="button" href="/products">%s</a>
                    <a class="button button-secondary" href="/support">%s</a></p>
                  </div>
                  <div class="hero-art" aria-hidden="true">%s</div>
                </section>
                <section aria-labelledby="featured-title">
                  <div class="section-head">
                    <h2 id="featured-title">%s</h2>
                    <a href="/products">%s</a>
                  </div>
                  %s
                </section>
                <section class="promises" aria-label="%s">
                  <div><h2>%s</h2><p>%s</p></div>
                  <div><h2>%s</h2><p>%s</p></div>
                  <div><h2>%s</h2><p>%s</p></div>
                  <div><h2>%s</h2><p>%s
                  <a href="/privacy">%s</a>.</p></div>
                </section>""",
                t.get("home.eyebrow"), t.get("home.heading"), t.get("home.lead"), t.get("home.shop"), t.get("home.support"),
                ProductIllustration.COPIER.svg(), t.get("home.popular"), t.get("home.seeAll"), products, t.get("home.why"),
                t.get("home.delivery"), t.get("home.deliveryText"), t.get("home.people"), t.get("home.peopleText"),
                t.get("home.toner"), t.get("home.tonerText"), t.get("home.privacy"), t.get("home.privacyText"),
                t.get("home.privacyLink")), t.lang()));
    }
}
