package dev.crumb.demo.web;

import dev.crumb.Crumb;
import dev.crumb.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The places where every page asks Crumb for a piece of markup or for the visitor. Keeping them in one
 * class means the site's templates never call the library directly.
 */
public final class CrumbHooks {

    /** The name of the hidden field that carries Crumb's CSRF token, in the demo's forms and Crumb's. */
    public static final String CSRF_FIELD = "csrf";

    /** Where the header's country and language form posts to; Crumb keeps the choice in its cookie. */
    public static final String LOCALE_ACTION = "/crumb/locale";

    private CrumbHooks() {
    }

    /**
     * The visitor of this request, or empty for a request Crumb did not see: an error page Jetty renders
     * for a request it refused before any filter ran.
     */
    public static Optional<Visitor> visitor(HttpServletRequest request) {
        try {
            return Optional.of(Crumb.visitor(request));
        } catch (IllegalStateException notThroughCrumb) {
            // Crumb has no "did the filter handle this request?" query, so its refusal is the answer.
            return Optional.empty();
        }
    }

    /**
     * The consent banner, shown near the top of every page until the visitor has chosen; empty once the
     * visitor has chosen. Crumb escapes everything in it.
     */
    public static Html consentBanner(HttpServletRequest request) {
        return visitor(request).isPresent() ? Html.trusted(Crumb.bannerHtml(request)) : Html.EMPTY;
    }

    /** The hidden CSRF input that every state-changing form carries. */
    public static Html csrfField(HttpServletRequest request) {
        return visitor(request).isPresent()
                ? Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", CSRF_FIELD, Crumb.csrfToken(request))
                : Html.EMPTY;
    }

    /** Whether the posted form carries a valid CSRF token of this visitor. */
    public static boolean validCsrf(HttpServletRequest request) {
        return visitor(request).isPresent() && Crumb.validCsrfToken(request, request.getParameter(CSRF_FIELD));
    }
}
