package dev.crumb.internal.tracking;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Extracts the host of an external referrer from a {@code Referer} header: only an {@code http} or
 * {@code https} URL whose host is a valid DNS name (IDN accepted) or IP address, and not the host the
 * request was made to. The host is recorded lower case, in Unicode for internationalised names, without
 * port, user info or trailing dot; nothing else of the referring URL is kept.
 */
final class ReferrerHosts {

    /** The longest DNS name. */
    public static final int MAX_HOST_LENGTH = 253;

    private static final int MAX_HEADER_LENGTH = 4096;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}]");

    private ReferrerHosts() {
    }

    /**
     * The external referrer host, or {@code null} when there is none, it is malformed, not http(s), or
     * the same host as {@code requestHost}.
     */
    public static String external(String referer, String requestHost) {
        String host = host(referer);
        if (host == null) {
            return null;
        }
        String own = requestHost == null ? null : canonical(stripPort(requestHost.trim()));
        return host.equals(own) ? null : host;
    }

    /** Whether {@code referer} is an http(s) URL of the same host as {@code requestHost}. */
    public static boolean sameSite(String referer, String requestHost) {
        String host = host(referer);
        return host != null && requestHost != null && host.equals(canonical(stripPort(requestHost.trim())));
    }

    /** The canonical host of an http(s) URL, or {@code null}. */
    static String host(String referer) {
        if (referer == null || referer.length() > MAX_HEADER_LENGTH) {
            return null;
        }
        String url = referer.trim();
        String lower = url.toLowerCase(Locale.ROOT);
        int start;
        if (lower.startsWith("https://")) {
            start = 8;
        } else if (lower.startsWith("http://")) {
            start = 7;
        } else {
            return null;
        }
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        return canonical(stripPort(authority));
    }

    private static String stripPort(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(':') == colon) {
            String port = authority.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return authority.substring(0, colon);
        }
        return authority;
    }

    private static String canonical(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return IPV6.matcher(h).matches() ? h : null;
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.isEmpty() || ascii.length() > MAX_HOST_LENGTH) {
            return null;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return IDN.toUnicode(ascii).toLowerCase(Locale.ROOT);
    }
}
