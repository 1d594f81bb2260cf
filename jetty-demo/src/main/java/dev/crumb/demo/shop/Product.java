package dev.crumb.demo.shop;

import dev.crumb.demo.web.SiteTexts;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One product of the catalog.
 *
 * @param id           the URL slug, lower-case letters, digits and dashes
 * @param name         the display name in English (shown through the bundle, see {@link #name(SiteTexts)})
 * @param category     a short category label shown above the name, in English
 * @param priceCents   the price in US cents
 * @param summary      one or two sentences for cards and the product page, in English
 * @param illustration the drawing shown for the product
 */
public record Product(String id, String name, String category, long priceCents, String summary,
                      ProductIllustration illustration) {

    /** What a product ID may look like; also what a cookie holding IDs is checked against. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Product {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("product id must match " + ID.pattern() + ", was " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(illustration, "illustration");
        if (priceCents <= 0) {
            throw new IllegalArgumentException("price of " + id + " must be positive, was " + priceCents);
        }
    }

    /** The price as US dollars, e.g. {@code $1,890.00}. */
    public String price() {
        return formatCents(priceCents);
    }

    /** The display name in the language of {@code t}, from its key {@code product.<id>.name}. */
    public String name(SiteTexts t) {
        return t.get("product." + id + ".name");
    }

    /** The category label in the language of {@code t}. */
    public String category(SiteTexts t) {
        return t.get("product." + id + ".category");
    }

    /** The summary in the language of {@code t}. */
    public String summary(SiteTexts t) {
        return t.get("product." + id + ".summary");
    }

    /** The price in US dollars written the way {@code locale} writes money, e.g. {@code 1.890,00 $}. */
    public String price(Locale locale) {
        return formatCents(priceCents, locale);
    }

    /** The page of this product. */
    public String path() {
        return "/products/" + id;
    }

    /** Formats an amount of US cents as dollars, e.g. {@code $54.90}. */
    public static String formatCents(long cents) {
        return formatCents(cents, Locale.US);
    }

    /** Formats an amount of US cents as dollars the way {@code locale} writes money. */
    public static String formatCents(long cents, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("USD"));
        return format.format(cents / 100.0);
    }
}
