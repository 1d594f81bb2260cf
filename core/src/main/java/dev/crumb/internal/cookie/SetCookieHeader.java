package dev.crumb.internal.cookie;

import java.time.Duration;
import java.util.Objects;

/**
 * Formats Crumb's {@code Set-Cookie} header values by hand rather than through
 * {@link jakarta.servlet.http.Cookie}: containers differ in how they render {@code SameSite} and
 * {@code Partitioned}, and Crumb must know the exact byte length of the header it sends.
 *
 * @param name        cookie name, including any {@code __Host-} prefix
 * @param path        the {@code Path} attribute
 * @param domain      the {@code Domain} attribute, or {@code null} for a host-only cookie
 * @param maxAge      lifetime of the cookie
 * @param secure      whether to add {@code Secure}
 * @param partitioned whether to add {@code Partitioned} (CHIPS, for sites embedded in third-party frames)
 */
public record SetCookieHeader(String name, String path, String domain, Duration maxAge, boolean secure,
                              boolean partitioned) {

    /** Browsers accept at least 4096 bytes for a cookie; Crumb keeps the whole header line within that. */
    public static final int MAX_HEADER_BYTES = 4096;

    private static final String HEADER_PREFIX = "Set-Cookie: ";

    public SetCookieHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The header value that sets the cookie to {@code value}. */
    public String set(String value) {
        return format(value, maxAge.toSeconds());
    }

    /**
     * The header value that sets the cookie to {@code value} with {@code Max-Age} {@code maxAgeSeconds}
     * (the seconds left of a lifetime fixed elsewhere).
     */
    public String set(String value, long maxAgeSeconds) {
        return format(value, maxAgeSeconds);
    }

    /** The header value that deletes the cookie in the browser. */
    public String delete() {
        return format("", 0);
    }

    /** Whether a header with this value stays within {@link #MAX_HEADER_BYTES} (ASCII only, so chars = bytes). */
    public static boolean fits(String headerValue) {
        return HEADER_PREFIX.length() + headerValue.length() <= MAX_HEADER_BYTES;
    }

    private String format(String value, long maxAgeSeconds) {
        StringBuilder b = new StringBuilder(value.length() + 128);
        b.append(name).append('=').append(value);
        b.append("; Max-Age=").append(maxAgeSeconds);
        b.append("; Path=").append(path);
        if (domain != null) {
            b.append("; Domain=").append(domain);
        }
        if (secure) {
            b.append("; Secure");
        }
        b.append("; HttpOnly; SameSite=Lax");
        if (partitioned) {
            b.append("; Partitioned");
        }
        return b.toString();
    }
}
