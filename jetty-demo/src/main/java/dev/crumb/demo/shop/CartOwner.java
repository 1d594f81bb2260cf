package dev.crumb.demo.shop;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Decides whose cart a request works on. A cart needs to recognise the visitor from one request to the
 * next, which takes a cookie; when the visitor cannot be recognised there is no cart.
 */
@FunctionalInterface
public interface CartOwner {

    /** The key of the request's cart, or empty when the visitor cannot have one. */
    Optional<String> keyOf(HttpServletRequest request);

    /**
     * The stand-in used until the demo is wired to Crumb: every visitor shares one cart, because the
     * demo has no way of its own to tell visitors apart (and deliberately sets no cookie for it).
     */
    static CartOwner sharedUntilCrumbIsWired() {
        // crumb: replace with request -> Optional.of(Crumb.visitor(request).visitorId()), empty when the
        // browser keeps no cookies (Visitor tells whether cookies are enabled); then delete SharedCart.
        return new SharedCart();
    }

    /** The stand-in of {@link #sharedUntilCrumbIsWired()}; the cart page says that the cart is shared. */
    record SharedCart() implements CartOwner {
        @Override
        public Optional<String> keyOf(HttpServletRequest request) {
            return Optional.of("shared-demo-cart");
        }
    }
}
