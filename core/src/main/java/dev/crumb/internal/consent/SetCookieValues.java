package dev.crumb.internal.consent;

import java.util.Locale;
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
     * Whether the value deletes its cookie: a {@code Max-Age} of zero or less (RFC 6265 §5.2.2). Deleting
     * stores nothing, so it needs no consent.
     */
    public static boolean deletes(String headerValue) {
        if (headerValue == null) {
            return false;
        }
        String[] parts = headerValue.split(";");
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int eq = attribute.indexOf('=');
            if (eq > 0 && attribute.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("max-age")) {
                String v = attribute.substring(eq + 1).trim();
                return v.matches("-?[0-9]{1,12}") && Long.parseLong(v) <= 0;
            }
        }
        return false;
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
