package dev.crumb.internal.http;

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

    /**
     * Percent-encodes (as UTF-8) every character outside printable ASCII. A {@code Location} header goes out
     * in ISO-8859-1, so a raw non-Latin-1 character in the request's query (which a client may send
     * unencoded) would otherwise become {@code ?}; what is already percent-encoded stays as it is.
     */
    public static String asciiOnly(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))
                    ? i + 2 : i + 1;
            for (byte b : raw.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? raw : out.toString();
    }
}
