package dev.crumb.demo.shop;

import dev.crumb.CookiesEnabled;
import dev.crumb.Visitor;
import dev.crumb.demo.web.CrumbHooks;
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
     * The cart of the visitor Crumb recognised from its cookie. Crumb itself keeps a browser without the
     * cookie away from {@code /cart} (cookie-required path); this guard only makes sure a visitor ID
     * that would change on every request never gets a cart of its own.
     */
    static CartOwner crumbVisitor() {
        return request -> CrumbHooks.visitor(request)
                .filter(visitor -> visitor.cookiesEnabled() == CookiesEnabled.YES)
                .map(Visitor::id);
    }
}
