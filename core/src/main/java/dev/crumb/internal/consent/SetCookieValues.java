package dev.crumb.internal.consent;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Reads what matters for consent from a {@code Set-Cookie} value an application wrote by hand: the
 * cookie's name, and whether the header deletes the cookie rather than storing anything. Also writes
 * the headers that delete a cookie the visitor holds.
 */
public final class SetCookieValues {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");

    private SetCookieValues() {
    }

    /**
     * The cookie name of a {@code Set-Cookie} value: the text before the first {@code =}, trimmed. A value
     * without {@code =} sets a cookie with an empty name in today's browsers, so its name is {@code ""}.
     */
    public static String name(String headerValue) {
        if (headerValue == null) {
            return "";
        }
        String pair = headerValue.split(";", 2)[0];
        int eq = pair.indexOf('=');
        return eq < 0 ? "" : pair.substring(0, eq).trim();
    }

    /**
     * Whether the value can only delete its cookie, read as browsers read it (see {@link SetCookieExpiry}):
     * the last valid {@code Max-Age} is zero or less, or, without one, the last valid {@code Expires} is
     * clearly past. Deleting stores nothing, so it needs no consent.
     */
    public static boolean deletes(String headerValue) {
        return deletes(headerValue, Instant.now());
    }

    /** {@link #deletes(String)} for a browser whose clock says {@code now}. */
    public static boolean deletes(String headerValue, Instant now) {
        return SetCookieExpiry.of(headerValue, now) == SetCookieExpiry.Kind.DELETES;
    }

    /** Whether {@code name} is a cookie name that may be put into a header as is (and into a log line). */
    public static boolean safeName(String name) {
        return name != null && TOKEN.matcher(name).matches();
    }

    /** The name for a log line: the name when it is a plain token, else a placeholder (no log injection). */
    public static String loggable(String name) {
        return safeName(name) ? name : "(unprintable name)";
    }

    /**
     * The header value that deletes cookie {@code name} at {@code path}. {@code __Secure-} and
     * {@code __Host-} cookies can only be touched with {@code Secure}.
     */
    public static String deletion(String name, String path) {
        StringBuilder b = new StringBuilder(name.length() + 80);
        b.append(name).append("=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=").append(path);
        if (name.startsWith("__Secure-") || name.startsWith("__Host-")) {
            b.append("; Secure");
        }
        return b.toString();
    }
}
