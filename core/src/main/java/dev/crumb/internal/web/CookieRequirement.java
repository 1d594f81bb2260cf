package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.internal.http.PathPrefixes;
import dev.crumb.internal.http.SafeRedirects;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Paths that truly need a cookie (a cart, an account). A visitor who arrives there without a valid
 * cookie gets at most one probe redirect (which sets the cookie); if the cookie still does not come
 * back, the visitor blocks cookies and is shown an explanation instead of the page — never a loop.
 * Every other path works the same with or without cookies.
 *
 * <p>A pattern such as {@code /cart} matches {@code /cart} and everything below it ({@code /cart/items}),
 * not {@code /cartoons}.
 */
public final class CookieRequirement {

    /** The query parameter that marks the probe's second request. */
    public static final String PROBE_PARAMETER = "crumb_probe";

    private static final Pattern PATTERN = Pattern.compile("(/[A-Za-z0-9._~-]+)+/?");

    private final List<String> prefixes;

    /** What to do with a request. */
    public enum Decision {
        /** Serve normally. */
        PROCEED,
        /** Redirect once to the same address with the probe parameter, setting the cookie. */
        PROBE,
        /** The browser did not return the cookie: explain why the page needs one. */
        EXPLAIN
    }

    public CookieRequirement(List<String> patterns) {
        Objects.requireNonNull(patterns, "patterns");
        for (String p : patterns) {
            if (p == null || !PATTERN.matcher(p).matches()) {
                throw new IllegalArgumentException("cookie-required-paths entry '" + p
                        + "' must be a path such as /cart or /account (letters, digits, '.', '_', '~', '-')");
            }
        }
        this.prefixes = patterns.stream().map(p -> p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p).toList();
    }

    /** Whether {@code path} needs a cookie. */
    public boolean requires(String path) {
        for (String prefix : prefixes) {
            if (PathPrefixes.within(path, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The decision for a request to {@code path}, given whether it carried a valid cookie. */
    public Decision decide(HttpServletRequest request, String path, boolean arrivedWithCookie) {
        if (arrivedWithCookie || !requires(path)) {
            return Decision.PROCEED;
        }
        boolean probed = request.getParameter(PROBE_PARAMETER) != null;
        boolean safeMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return probed || !safeMethod ? Decision.EXPLAIN : Decision.PROBE;
    }

    /** The same-origin address of the probe: the request's path and query plus the probe parameter. */
    public static String probeTarget(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = request.getRequestURI();
        return SafeRedirects.asciiOnly(path) + (query == null || query.isEmpty() ? "?" : "?" + SafeRedirects.asciiOnly(query) + "&")
                + PROBE_PARAMETER + "=1";
    }

    /** The explanation page body with {@code id="crumb-cookies-required"}, in English. */
    public static Html explanation(String backPath, String mePath) {
        return explanation(Texts.english(), backPath, mePath);
    }

    /** The explanation page body with {@code id="crumb-cookies-required"}, in {@code t}'s language. */
    public static Html explanation(Texts t, String backPath, String mePath) {
        return Html.of("""
                <section id="crumb-cookies-required" aria-labelledby="crumb-cookies-required-title">
                <h2 id="crumb-cookies-required-title">%s</h2>
                <p>%s</p>
                <p>%s <a href="%s">%s</a></p>
                <h3>%s</h3>
                <ol>
                <li>%s</li>
                <li>%s</li>
                <li>%s</li>
                </ol>
                <p><a href="%s">%s</a></p>
                </section>
                """, t.get("cookies.title"), t.get("cookies.body"), t.get("cookies.holds"), mePath, t.get("cookies.seeWhat"),
                t.get("cookies.stepsHeading"), t.get("cookies.step1"), t.get("cookies.step2"), t.get("cookies.step3"),
                backPath, t.get("error.backHome"));
    }
}
