package dev.crumb.internal.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns an untrusted {@code return} parameter into a redirect target on this site: only a path that
 * starts with a single {@code /}, with no scheme, authority, backslash or control character. Anything
 * else becomes {@code /}, so Crumb's endpoints can never be used as an open redirect.
 */
public final class SafeRedirects {

    private static final int MAX_LENGTH = 2048;

    private SafeRedirects() {
    }

    /** The same-origin path to redirect to, or {@code "/"}. */
    public static String sameOriginPath(String candidate) {
        return sameOriginPath(candidate, "/");
    }

    /**
     * The same-origin path to redirect to, or the application's home ({@code /sample/} for an application
     * deployed at {@code /sample}), never a page outside the application that asked.
     */
    public static String sameOriginPath(String candidate, jakarta.servlet.http.HttpServletRequest request) {
        return sameOriginPath(candidate, request.getContextPath() + "/");
    }

    private static String sameOriginPath(String candidate, String fallback) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return fallback;
        }
        if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return fallback;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f || c > 0x7e) {
                return fallback;
            }
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
                return fallback;
            }
        } catch (URISyntaxException e) {
            return fallback;
        }
        return candidate;
    }
}
