package dev.crumb.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a request shows that it comes from a page of this same site: {@code Sec-Fetch-Site:
 * same-origin} (sent by current browsers on every request), or else an {@code Origin} whose host and
 * port equal the request's {@code Host} (and that holds nothing else: no user info, path or query). A
 * request that shows neither is not same-origin.
 */
public final class SameOriginRequests {

    private SameOriginRequests() {
    }

    /** Whether the request comes from this site, as far as the browser's headers tell. */
    public static boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite.trim().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || host == null || origin.length() > 2048 || "null".equals(origin.trim())) {
            return false;
        }
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return false;
            }
            // An origin is scheme, host and port only. User info ("https://evil@site") or a path, query or
            // fragment is not something a browser sends: such a header is forged, never same-origin.
            if (uri.getRawUserInfo() != null || origin.indexOf('@') >= 0 || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                return false;
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String authority = uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
            String own = host.trim().toLowerCase(Locale.ROOT);
            if (own.endsWith(":80") && scheme.equals("http") || own.endsWith(":443") && scheme.equals("https")) {
                own = own.substring(0, own.lastIndexOf(':'));
            }
            return authority.equals(own);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
