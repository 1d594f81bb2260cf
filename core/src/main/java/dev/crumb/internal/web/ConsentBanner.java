package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.internal.http.SafeRedirects;
import dev.crumb.internal.consent.ConsentState;
import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The consent banner applications include on every page ({@code Crumb.bannerHtml(request)} or the
 * request attribute {@code crumb.banner}): shown only while the visitor has not chosen under the current
 * policy revision. It works without JavaScript — two equal buttons post to {@code /crumb/consent} with
 * the CSRF token and the current page as {@code return}, and a link leads to the per-category settings.
 * Put it first in {@code <body>}, before the skip link, so keyboard and screen-reader users meet the
 * question before the page (see {@code docs/accessibility.md}).
 */
public final class ConsentBanner {

    /** The fragment a decision redirects to, which shows and focuses the confirmation (CSS {@code :target}). */
    public static final String SAVED_FRAGMENT = "crumb-saved";

    // A labelled region meant to come first in <body>, before the site's skip link. No inline style or
    // script: the same-origin stylesheet carries the looks, so a strict CSP (style-src 'self') holds.
    private static final String BANNER = """
            <section id="crumb-banner" class="crumb-banner" aria-labelledby="crumb-banner-title" lang="%s">
            <link rel="stylesheet" href="%s">
            <h2 id="crumb-banner-title" class="crumb-banner-title">%s</h2>
            %s<p>%s</p>
            %s<form method="post" action="%s">
            <input type="hidden" name="csrf" value="%s">
            <input type="hidden" name="return" value="%s">
            <button type="submit" name="action" value="reject-all">%s</button>
            <button type="submit" name="action" value="accept-all">%s</button>
            <a href="%s">%s</a>
            </form>
            </section>
            """;

    // After a choice: nothing visible, unless the address ends in #crumb-saved (the redirect after a
    // choice), which shows the confirmation and moves focus to it (it is the fragment's target).
    private static final String CHOSEN = """
            <div class="crumb-chosen" lang="%s"><link rel="stylesheet" href="%s">%s</div>
            """;

    private static final String STATUS = """
            <p id="crumb-saved" class="crumb-saved" role="status" tabindex="-1">%s</p>
            """;

    private static final String LINK = "<a class=\"crumb-consent-link\" href=\"%s\">%s</a>";

    /** How long after a choice pages carry its (hidden) confirmation; afterwards the banner is {@code ""}. */
    static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(2);

    private final String prefix;
    private final Messages messages;
    private final Clock clock;
    private final FirstLayer firstLayer;

    /** @param prefix the library's path prefix, e.g. {@code /crumb} */
    public ConsentBanner(String prefix) {
        this(prefix, Messages.defaults(), Clock.systemUTC(), FirstLayer.NONE);
    }

    /**
     * @param prefix     the library's path prefix, e.g. {@code /crumb}
     * @param messages   the texts, with the site's overrides
     * @param clock      the time, to know whether a choice was just made
     * @param firstLayer the controller's name and privacy policy link shown in the banner
     */
    public ConsentBanner(String prefix, Messages messages, Clock clock, FirstLayer firstLayer) {
        this.prefix = prefix;
        this.messages = java.util.Objects.requireNonNull(messages, "messages");
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.firstLayer = java.util.Objects.requireNonNull(firstLayer, "firstLayer");
    }

    /**
     * The banner markup while the visitor has not chosen. Just after a choice, only its confirmation,
     * hidden unless the address ends in {@code #crumb-saved} (where the choice redirects to); later
     * {@code ""}.
     */
    public String html(HttpServletRequest request, VisitorSession session) {
        Texts t = messages.forLanguage(session.payload().language());
        String css = Stylesheet.href(request, prefix);
        ConsentState state = session.consent();
        if (!state.needed()) {
            boolean justChosen = state.explicit() && state.decidedAt() != null
                    && state.decidedAt().isAfter(clock.instant().minus(CONFIRMATION_WINDOW));
            if (!justChosen) {
                return "";
            }
            return Html.of(CHOSEN, t.lang(), css, Html.of(STATUS, t.get("banner.saved"))).toString();
        }
        String here = currentPath(request);
        // Still asked after a choice: the browser did not keep the cookie, so say why the banner returns.
        Html status = Html.of(STATUS, t.get("banner.cookiesBlocked"));
        return Html.of(BANNER, t.lang(), css, t.get("banner.label"), status, ConsentWording.bannerText(t, state),
                firstLayer.html(t, request.getContextPath()), consentPath(request), session.csrfToken(), here,
                t.get("consent.rejectAll"), t.get("consent.acceptAll"), settingsHref(request), t.get("banner.settings"))
                .toString();
    }

    /** The footer link to the consent page, in the visitor's language, with the current page to return to. */
    public String link(HttpServletRequest request, VisitorSession session) {
        Texts t = messages.forLanguage(session.payload().language());
        return Html.of(LINK, settingsHref(request), t.get("banner.settings")).toString();
    }

    /** The consent page's address with the current page as its return address. */
    public String settingsHref(HttpServletRequest request) {
        return consentPath(request) + "?return=" + URLEncoder.encode(currentPath(request), StandardCharsets.UTF_8);
    }

    private String consentPath(HttpServletRequest request) {
        return request.getContextPath() + prefix + "/consent";
    }

    /** The page being shown, as a same-origin path to come back to. */
    static String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        // Raw non-ASCII in the query would make the return path unsafe and so "/": encode it instead.
        return SafeRedirects.sameOriginPath(SafeRedirects.asciiOnly(
                query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query));
    }
}
