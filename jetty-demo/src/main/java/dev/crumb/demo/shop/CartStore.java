package dev.crumb.demo.shop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keeps carts in memory by owner key. It holds at most a fixed number of carts and forgets the least
 * recently used one beyond that, so a flood of new visitors cannot exhaust memory. A real shop would
 * keep carts in its database.
 */
public final class CartStore {

    private final Map<String, Cart> carts;

    /** A store holding at most {@code maxCarts} carts. */
    public CartStore(int maxCarts) {
        if (maxCarts < 1) {
            throw new IllegalArgumentException("maxCarts must be 1 or more, was " + maxCarts);
        }
        this.carts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cart> eldest) {
                return size() > maxCarts;
            }
        };
    }

    /** The cart of {@code owner}; empty when there is none. */
    public synchronized Cart cartOf(String owner) {
        return carts.getOrDefault(owner, Cart.empty());
    }

    /** Replaces the cart of {@code owner} by {@code change} applied to it, atomically. */
    public synchronized Cart update(String owner, UnaryOperator<Cart> change) {
        Cart next = change.apply(cartOf(owner));
        if (next.quantities().isEmpty()) {
            carts.remove(owner);
        } else {
            carts.put(owner, next);
        }
        return next;
    }
}
