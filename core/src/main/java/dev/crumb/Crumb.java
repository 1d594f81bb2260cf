package dev.crumb;

import dev.crumb.internal.analytics.AnalyticsFeature;
import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The entry point for application code: what Crumb knows about the visitor of a request and what the
 * application may change. Every method needs a request that passed through {@link CrumbFilter}.
 */
public final class Crumb {

    private Crumb() {
    }

    /**
     * The visitor of this request.
     *
     * @throws IllegalStateException when {@link CrumbFilter} did not handle the request
     */
    public static Visitor visitor(HttpServletRequest request) {
        return session(request).toVisitor();
    }

    /**
     * Records the visitor's explicit choice of country and language (for a language or country selector).
     * An explicit choice wins over everything Crumb would infer. Takes effect in the cookie of this
     * response, if the response is not committed yet.
     *
     * @param country  an ISO 3166-1 alpha-2 code such as {@code DE}
     * @param language an ISO 639 code such as {@code de}, one of the configured languages if any
     * @throws IllegalArgumentException when either value is not valid; nothing changes then
     */
    public static void chooseLocale(HttpServletRequest request, String country, String language) {
        session(request).chooseLocale(country, language);
    }

    /**
     * A CSRF token bound to this visitor, for the hidden field {@code csrf} of a form that posts to the
     * library's endpoints (or the application's own, checked with {@link #validCsrfToken}).
     */
    public static String csrfToken(HttpServletRequest request) {
        return session(request).csrfToken();
    }

    /** Whether {@code token} is a valid, unexpired CSRF token of this visitor. */
    public static boolean validCsrfToken(HttpServletRequest request, String token) {
        return session(request).validCsrfToken(token);
    }

    /**
     * Whether the request comes from the site's analyst, signed in through the login form at
     * {@code /crumb/analytics/login}: for an application's own dashboard page, which can redirect others
     * to {@code /crumb/analytics/login?return=/dashboard}. Always {@code false} when no analyst password
     * hash is configured.
     *
     * @throws IllegalStateException when {@link CrumbFilter} did not handle the request
     */
    public static boolean isAnalyst(HttpServletRequest request) {
        session(request);
        return AnalyticsFeature.isAnalyst(request);
    }

    static VisitorSession session(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        Object session = request.getAttribute(VisitorSession.ATTRIBUTE);
        if (session instanceof VisitorSession s) {
            return s;
        }
        throw new IllegalStateException("CrumbFilter did not handle this request: map it to /* ahead of your servlets "
                + "(web.xml <filter-mapping> or ServletContextHandler.addFilter) so that every page passes through it");
    }
}
