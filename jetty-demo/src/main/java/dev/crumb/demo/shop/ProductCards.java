package dev.crumb.demo.shop;

import dev.crumb.Html;
import dev.crumb.demo.web.SiteTexts;
import java.util.List;

/** Renders products as cards in a grid, as on the home and catalog pages. */
public final class ProductCards {

    private ProductCards() {
    }

    /** A grid of cards, one per product, in the language of {@code t}; {@code headingLevel} is the level of each card's name. */
    public static Html grid(List<Product> products, int headingLevel, SiteTexts t) {
        return Html.of("<ul class=\"product-grid\">%s</ul>", products.stream()
                .map(product -> card(product, headingLevel, t))
                .collect(Html.joining()));
    }

    private static Html card(Product product, int headingLevel, SiteTexts t) {
        // The whole card is clickable through the link's ::after overlay, but only the name is a link,
        // so screen readers hear each product once.
        return Html.of("""
                <li class="product-card">
                  <div class="product-art">%s</div>
                  <p class="eyebrow">%s</p>
                  <h%s class="product-name"><a href="%s">%s</a></h%s>
                  <p class="product-summary">%s</p>
                  <p class="price">%s</p>
                </li>""", product.illustration().svg(), product.category(t), headingLevel, product.path(),
                product.name(t), headingLevel, product.summary(t), product.price(t.formatLocale()));
    }
}
