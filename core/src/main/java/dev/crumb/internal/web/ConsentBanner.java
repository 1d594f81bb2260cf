package dev.crumb.internal.web;

import dev.crumb.internal.consent.ConsentState;
import dev.crumb.internal.consent.ConsentTexts;
import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The consent banner applications include on every page ({@code Crumb.bannerHtml(request)} or the
 * request attribute {@code crumb.banner}): shown only while the visitor has not chosen under the current
 * policy revision. It works without JavaScript — two equal buttons post to {@code /crumb/consent} with
 * the CSRF token and the current page as {@code return}, and a link leads to the per-category settings.
 */
public final class ConsentBanner {

    /** The request attribute under which the filter keeps the banner renderer for {@code Crumb}. */
    public static final String ATTRIBUTE = ConsentBanner.class.getName();

    private static final String BANNER = """
            <div id="crumb-banner" role="region" aria-label="{{label}}" lang="{{lang}}">
            <style>
            #crumb-banner{position:sticky;bottom:0;z-index:1000;background:#fff;color:#1b1f24;border-top:2px solid #0b5394;padding:1rem;font:inherit}
            #crumb-banner form{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:.5rem 0 0}
            #crumb-banner button{font:inherit;min-width:9rem;padding:.55rem 1rem;border-radius:.375rem;border:2px solid #0b5394;background:#0b5394;color:#fff;cursor:pointer}
            #crumb-banner a{color:#0b5394}
            #crumb-banner button:focus-visible,#crumb-banner a:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
            </style>
            <p>{{text}}</p>
            <!--crumb-first-layer-->            <form method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <input type="hidden" name="return" value="{{return}}">
            <button type="submit" name="action" value="reject-all">{{rejectAll}}</button>
            <button type="submit" name="action" value="accept-all">{{acceptAll}}</button>
            <a href="{{settings}}">{{settingsLink}}</a>
            </form>
            </div>
            """;

    private static final String FIRST_LAYER_SLOT = "<!--crumb-first-layer-->";

    private static final String LINK = "<a class=\"crumb-consent-link\" href=\"{{href}}\">{{text}}</a>";

    private final String prefix;
    private final FirstLayer firstLayer;

    /** @param prefix the library's path prefix, e.g. {@code /crumb} */
    public ConsentBanner(String prefix) {
        this(prefix, FirstLayer.NONE);
    }

    /** @param firstLayer the controller's name and privacy policy link shown in the banner */
    public ConsentBanner(String prefix, FirstLayer firstLayer) {
        this.prefix = prefix;
        this.firstLayer = java.util.Objects.requireNonNull(firstLayer, "firstLayer");
    }

    /** The banner markup, or {@code ""} when the visitor has already chosen. */
    public String html(HttpServletRequest request, VisitorSession session) {
        ConsentState state = session.consent();
        if (!state.needed()) {
            return "";
        }
        ConsentTexts t = ConsentTexts.of(session.payload().language());
        String here = currentPath(request);
        // Map.of takes at most ten pairs: the first layer (escaped by FirstLayer) fills its own slot afterwards.
        String banner = Html.render(BANNER, Map.of("label", t.bannerLabel(), "lang", t.lang(), "text", t.bannerTextFor(state),
                "action", consentPath(request), "csrf", session.csrfToken(), "return", here,
                "rejectAll", t.rejectAll(), "acceptAll", t.acceptAll(),
                "settings", consentPath(request) + "?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8),
                "settingsLink", t.settingsLink()));
        return banner.replace(FIRST_LAYER_SLOT, firstLayer.html(t, request.getContextPath()));
    }

    /** The footer link to the consent page, in the visitor's language. */
    public String link(HttpServletRequest request, VisitorSession session) {
        ConsentTexts t = ConsentTexts.of(session.payload().language());
        return Html.render(LINK, Map.of("href", consentPath(request), "text", t.settingsLink()));
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
