package dev.crumb.demo.shop;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Keeps carts in memory by owner key. It holds at most a fixed number of carts, so a flood of new
 * visitors cannot exhaust memory, and forgets a cart nobody touched for a while. A real shop would keep
 * carts in its database.
 */
public final class CartStore {

    /** How long an untouched cart is kept. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(2);

    private final Cache<String, Cart> carts;

    /** A store holding at most {@code maxCarts} carts, each for {@link #DEFAULT_EXPIRY} after its last use. */
    public CartStore(int maxCarts) {
        this(maxCarts, DEFAULT_EXPIRY, Ticker.systemTicker());
    }

    /** A store holding at most {@code maxCarts} carts, each for {@code expiry} after its last use by {@code ticker}. */
    CartStore(int maxCarts, Duration expiry, Ticker ticker) {
        if (maxCarts < 1) {
            throw new IllegalArgumentException("maxCarts must be 1 or more, was " + maxCarts);
        }
        this.carts = Caffeine.newBuilder()
                .maximumSize(maxCarts)
                .expireAfterAccess(expiry)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** The cart of {@code owner}; empty when there is none. */
    public Cart cartOf(String owner) {
        Cart cart = carts.getIfPresent(owner);
        return cart == null ? Cart.empty() : cart;
    }

    /** Replaces the cart of {@code owner} by {@code change} applied to it, atomically. */
    public Cart update(String owner, UnaryOperator<Cart> change) {
        Cart next = carts.asMap().compute(owner, (key, cart) -> {
            Cart changed = change.apply(cart == null ? Cart.empty() : cart);
            return changed.quantities().isEmpty() ? null : changed;
        });
        return next == null ? Cart.empty() : next;
    }

    /** Finishes pending evictions; for tests of the size bound. */
    void cleanUp() {
        carts.cleanUp();
    }
}
