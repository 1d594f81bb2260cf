package dev.crumb;

import dev.crumb.internal.RequestContext;
import dev.crumb.internal.consent.TagConsentSignals;
import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The entry point for application code: what Crumb knows about the visitor of a request and what the
 * application may change. Every method needs a request that passed through {@link CrumbFilter}.
 */
public final class Crumb {

    /**
     * The request attribute holding the consent banner's markup for template engines ({@code ""} when no
     * choice is needed); the same as {@link #bannerHtml}. Its value is a {@link CharSequence} rendered
     * when it is first printed ({@code toString()}), so requests that never show the banner never pay
     * for it.
     */
    public static final String BANNER_ATTRIBUTE = "crumb.banner";

    private Crumb() {
    }

    /**
     * The consent banner, a labelled region with {@code id="crumb-banner"}, in the visitor's language;
     * {@code ""} when the visitor has already chosen under the current policy revision (for two minutes
     * after the choice, a confirmation that stays hidden unless the address ends in {@code #crumb-saved},
     * where the choice returns to). Include it unescaped first in {@code <body>}, before the skip link.
     * It works without JavaScript or inline style: it posts to {@code /crumb/consent} and returns here.
     */
    public static String bannerHtml(HttpServletRequest request) {
        return context(request).bannerHtml(request);
    }

    /**
     * A link to the consent page ({@code <a class="crumb-consent-link" href="/crumb/consent?return=…">},
     * with this page as the return address), in the visitor's language, for the footer of every page so
     * visitors can change their choice at any time and come back.
     */
    public static String consentLinkHtml(HttpServletRequest request) {
        return context(request).consentLinkHtml(request);
    }

    /**
     * Whether the visitor of this request consents to {@code category} now — the check for templates
     * that load a script or render content of that category: {@code if (Crumb.allows(request,
     * Category.MARKETING)) { … }}. Always true for {@link Category#NECESSARY}.
     *
     * @throws IllegalStateException when {@link CrumbFilter} did not handle the request
     */
    public static boolean allows(HttpServletRequest request, Category category) {
        return session(request).consents(java.util.Objects.requireNonNull(category, "category"));
    }

    /**
     * An inline script for Google Consent Mode v2 ({@code gtag('consent','default',…)}) from the consent
     * in force on the server; put it in {@code <head>} before the Google tag. It loads nothing.
     *
     * @param nonce the page's CSP nonce ({@code script-src 'nonce-…'}), or {@code null} without one
     * @throws IllegalArgumentException when the nonce is not 8 to 128 base64 characters
     */
    public static String googleConsentModeHtml(HttpServletRequest request, String nonce) {
        return TagConsentSignals.googleConsentMode(session(request).consent(), nonce);
    }

    /**
     * An inline script for Matomo ({@code requireCookieConsent}, then {@code setCookieConsentGiven} with
     * analytics consent) from the consent in force on the server; put it before the Matomo tag. It loads
     * nothing.
     *
     * @param nonce the page's CSP nonce, or {@code null} without one
     * @throws IllegalArgumentException when the nonce is not 8 to 128 base64 characters
     */
    public static String matomoConsentHtml(HttpServletRequest request, String nonce) {
        return TagConsentSignals.matomo(session(request).consent(), nonce);
    }

    /**
     * Whether {@link CrumbFilter} handled this request — false, for example, for an error page the
     * container renders for a request it refused before any filter ran. Every other method of this class
     * needs a handled request.
     */
    public static boolean handled(HttpServletRequest request) {
        return request != null && RequestContext.of(request) != null;
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
        return context(request).isAnalyst(request);
    }

    /**
     * Saves the allow-listed fields of a submitted form in the visitor's cookie, so the next form can be
     * pre-filled (read them back from {@link Visitor#savedForm()}). Saves only with
     * {@link Category#PREFERENCES} consent, never free text or a card number, nothing from a form that
     * reports an age under 13, and only as much as fits the cookie. Call it before writing the response.
     *
     * @param fields the submitted fields by name (e.g. {@code request.getParameterMap()} flattened)
     * @return what was saved and why the rest was not; never throws for any field content
     */
    public static FormSaveResult saveForm(HttpServletRequest request, java.util.Map<String, String> fields) {
        return context(request).saveForm(Objects.requireNonNull(fields, "fields"));
    }

    /**
     * Marketing email choices (opt-in, may-email, unsubscribe links).
     *
     * @throws IllegalStateException when no store is configured ({@code CrumbConfig.Builder.store})
     */
    public static EmailChoices emails(HttpServletRequest request) {
        return context(request).emails();
    }

    static VisitorSession session(HttpServletRequest request) {
        return context(request).session();
    }

    private static RequestContext context(HttpServletRequest request) {
        RequestContext context = RequestContext.of(Objects.requireNonNull(request, "request"));
        if (context != null) {
            return context;
        }
        throw new IllegalStateException("CrumbFilter did not handle this request: map it to /* ahead of your servlets "
                + "(web.xml <filter-mapping> or ServletContextHandler.addFilter) so that every page passes through it");
    }
}
