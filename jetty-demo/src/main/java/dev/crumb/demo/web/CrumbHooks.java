package dev.crumb.demo.web;

import dev.crumb.Crumb;
import dev.crumb.Html;
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

    /**
     * The consent signals for tag managers, from the consent Crumb enforces: Google Consent Mode v2 and
     * Matomo, with this response's CSP nonce. The demo loads neither tag (no request leaves the machine);
     * a real site puts its Google tag or Matomo script right after these.
     */
    public static Html tagConsentSignals(HttpServletRequest request) {
        if (visitor(request).isEmpty()) {
            return Html.EMPTY;
        }
        String nonce = (String) request.getAttribute(SecurityHeadersFilter.NONCE);
        return Html.trusted(Crumb.googleConsentModeHtml(request, nonce) + Crumb.matomoConsentHtml(request, nonce));
    }

    /** The hidden CSRF input that every state-changing form carries. */
    public static Html csrfField(HttpServletRequest request) {
        return visitor(request).isPresent()
                ? Html.of("<input type=\"hidden\" name=\"%s\" value=\"%s\">", CSRF_FIELD, Crumb.csrfToken(request))
                : Html.EMPTY;
    }

    /** Whether the posted form carries a valid CSRF token of this visitor. */
    public static boolean validCsrf(HttpServletRequest request) {
        return visitor(request).isPresent() && Crumb.validCsrfToken(request, request.getParameter(CSRF_FIELD));
    }
}
