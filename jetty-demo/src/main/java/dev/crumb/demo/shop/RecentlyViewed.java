package dev.crumb.demo.shop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The products a visitor looked at most recently, newest first, as kept in the {@code recently_viewed}
 * cookie: product IDs joined with dots, e.g. {@code st24-stapler.p200-laser-printer}.
 *
 * <p>The cookie comes from the browser, so it is read strictly: a value that is not exactly a list of
 * IDs is ignored as a whole, and IDs the catalog does not know (any more) are dropped.
 *
 * @param productIds product IDs, newest first, without duplicates, at most {@link #MAX_ITEMS}
 */
public record RecentlyViewed(List<String> productIds) {

    /** The name of the cookie. */
    public static final String COOKIE_NAME = "recently_viewed";

    /** The path the cookie is set with: only product pages read it. */
    public static final String COOKIE_PATH = "/products";

    /** How many products are remembered. */
    public static final int MAX_ITEMS = 4;

    private static final int MAX_COOKIE_LENGTH = 200;
    private static final Pattern COOKIE_VALUE =
            Pattern.compile(Product.ID.pattern() + "(\\." + Product.ID.pattern() + ")*");

    public RecentlyViewed {
        productIds = List.copyOf(productIds);
        if (productIds.size() > MAX_ITEMS || Set.copyOf(productIds).size() != productIds.size()) {
            throw new IllegalArgumentException("at most " + MAX_ITEMS + " distinct ids, was " + productIds);
        }
    }

    /** Nothing viewed yet. */
    public static RecentlyViewed none() {
        return new RecentlyViewed(List.of());
    }

    /**
     * Reads a cookie value, keeping only products of {@code catalog}. Returns {@link #none()} for a
     * missing, oversized or malformed value.
     */
    public static RecentlyViewed parse(String cookieValue, Catalog catalog) {
        if (cookieValue == null || cookieValue.length() > MAX_COOKIE_LENGTH
                || !COOKIE_VALUE.matcher(cookieValue).matches()) {
            return none();
        }
        Set<String> known = new LinkedHashSet<>();
        for (String id : cookieValue.split("\\.")) {
            if (catalog.find(id).isPresent()) {
                known.add(id);
            }
        }
        return new RecentlyViewed(known.stream().limit(MAX_ITEMS).toList());
    }

    /** This list after viewing {@code productId}: it moves to the front and the oldest falls off. */
    public RecentlyViewed viewed(String productId) {
        List<String> ids = new ArrayList<>(MAX_ITEMS + 1);
        ids.add(productId);
        productIds.stream().filter(id -> !id.equals(productId)).limit(MAX_ITEMS - 1).forEach(ids::add);
        return new RecentlyViewed(ids);
    }

    /** The list without {@code productId}, for showing "recently viewed" next to that product. */
    public List<String> except(String productId) {
        return productIds.stream().filter(id -> !id.equals(productId)).toList();
    }

    /** The cookie value. */
    public String cookieValue() {
        return String.join(".", productIds);
    }
}
