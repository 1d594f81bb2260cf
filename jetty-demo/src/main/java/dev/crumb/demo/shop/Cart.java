package dev.crumb.demo.shop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shopping cart: quantities by product ID, in the order the products were added. Immutable; every
 * change returns a new cart.
 *
 * @param quantities quantity by product ID, each from 1 to {@link #MAX_QUANTITY}
 */
public record Cart(Map<String, Integer> quantities) {

    /** The most of one product a cart holds. */
    public static final int MAX_QUANTITY = 99;

    /** The most different products a cart holds. */
    public static final int MAX_LINES = 20;

    /** One product of the cart with its quantity. */
    public record Line(Product product, int quantity) {
        /** The price of the line in US cents. */
        public long totalCents() {
            return product.priceCents() * quantity;
        }
    }

    public Cart {
        quantities = Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
        if (quantities.size() > MAX_LINES) {
            throw new IllegalArgumentException("a cart holds at most " + MAX_LINES + " products");
        }
        quantities.forEach((id, quantity) -> {
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("quantity of " + id + " must be 1 to " + MAX_QUANTITY);
            }
        });
    }

    /** A cart with nothing in it. */
    public static Cart empty() {
        return new Cart(Map.of());
    }

    /**
     * This cart with {@code quantity} more of {@code productId}, capped at {@link #MAX_QUANTITY}. A new
     * product beyond {@link #MAX_LINES} is not added.
     */
    public Cart add(String productId, int quantity) {
        if (!quantities.containsKey(productId) && quantities.size() >= MAX_LINES) {
            return this;
        }
        Map<String, Integer> next = new LinkedHashMap<>(quantities);
        next.merge(productId, Math.min(quantity, MAX_QUANTITY), (a, b) -> Math.min(a + b, MAX_QUANTITY));
        return new Cart(next);
    }

    /** This cart without {@code productId}. */
    public Cart remove(String productId) {
        Map<String, Integer> next = new LinkedHashMap<>(quantities);
        next.remove(productId);
        return new Cart(next);
    }

    /** The lines of products that {@code catalog} still sells. */
    public List<Line> lines(Catalog catalog) {
        return quantities.entrySet().stream()
                .flatMap(entry -> catalog.find(entry.getKey()).map(p -> new Line(p, entry.getValue())).stream())
                .toList();
    }

    /** The total of {@link #lines(Catalog)} in US cents. */
    public long totalCents(Catalog catalog) {
        return lines(catalog).stream().mapToLong(Line::totalCents).sum();
    }

    /** How many items the cart holds, counting quantities. */
    public int itemCount() {
        return quantities.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The quantity of {@code productId}, if it is in the cart. */
    public Optional<Integer> quantityOf(String productId) {
        return Optional.ofNullable(quantities.get(productId));
    }
}
