package dev.crumb.internal.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Extracts the host of an external referrer from a {@code Referer} header: only an {@code http} or
 * {@code https} URL whose host is a valid DNS name (IDN accepted) or IP address, and not the host the
 * request was made to. The host is recorded lower case, in Unicode for internationalised names, without
 * port, user info or trailing dot; nothing else of the referring URL is kept.
 *
 * <p>Every page of a site that a visitor reaches by a link carries a {@code Referer}, mostly of the site
 * itself, so the tracker asks here on most requests of real browsers. Making a host canonical (IDN
 * conversion both ways, a pattern per label) costs about a microsecond; an instance therefore remembers
 * the canonical form of the hosts it has met, as they were spelled, in a bounded cache, and parses each
 * header once for both questions ({@link #referral}). The static methods answer the same without memory.
 */
final class ReferrerHosts {

    /** What a {@code Referer} says: the canonical host of its URL (or none) and whether it is the request's own. */
    record Referral(String host, boolean sameSite) {

        /** No {@code Referer}, or one that is not a valid http(s) URL. */
        static final Referral NONE = new Referral(null, false);

        /** The host to record as the page view's referrer: {@code null} when there is none or it is this site. */
        String externalHost() {
            return sameSite ? null : host;
        }
    }

    /** The longest DNS name. */
    public static final int MAX_HOST_LENGTH = 253;

    private static final int MAX_HEADER_LENGTH = 4096;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}]");
    /** The hosts remembered, as spelled; more are made canonical on each request without being kept. */
    private static final int REMEMBERED_HOSTS = 1_000;
    /** Cached for a host that has no canonical form (Caffeine keeps no null). */
    private static final String INVALID = "";

    /** Spelling (port stripped) → canonical host, or {@link #INVALID}. Keys are at most a host name long. */
    private final Cache<String, String> canonicalHosts = Caffeine.newBuilder().maximumSize(REMEMBERED_HOSTS).build();

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

    /**
     * Both answers from one parse of {@code referer}: its canonical host, and whether that is {@code requestHost}'s
     * (the two answers of {@link #external} and {@link #sameSite}), with the canonical forms of hosts met before
     * taken from memory.
     */
    Referral referral(String referer, String requestHost) {
        String spelled = spelledHost(referer);
        if (spelled == null) {
            return Referral.NONE;
        }
        String host = remembered(spelled);
        if (host == null) {
            return Referral.NONE;
        }
        if (requestHost == null) {
            return new Referral(host, false);
        }
        String ownSpelled = stripPort(requestHost.trim());
        // The usual case, a link within the site: spelled as the request's host, so the same canonical host.
        boolean same = spelled.equals(ownSpelled) || ownSpelled != null && host.equals(remembered(ownSpelled));
        return new Referral(host, same);
    }

    /** The canonical form of {@code spelled}, remembered if it could be a host name at all; {@code null} if it has none. */
    private String remembered(String spelled) {
        if (spelled.length() > MAX_HOST_LENGTH + 1) { // longer than a host name and its trailing dot: not kept
            return canonical(spelled);
        }
        String host = canonicalHosts.get(spelled, s -> {
            String c = canonical(s);
            return c == null ? INVALID : c;
        });
        return host.equals(INVALID) ? null : host;
    }

    /** The canonical host of an http(s) URL, or {@code null}. */
    static String host(String referer) {
        String spelled = spelledHost(referer);
        return spelled == null ? null : canonical(spelled);
    }

    /** The host of an http(s) URL as it is spelled there, without user info and port; {@code null} if it has none. */
    private static String spelledHost(String referer) {
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
        return stripPort(authority);
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
