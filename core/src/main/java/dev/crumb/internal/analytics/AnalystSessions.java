package dev.crumb.internal.analytics;

import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.visitor.HmacSha256;
import dev.crumb.internal.visitor.VisitorHasher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The analyst session cookie set by the login form: its expiry and an HMAC over (expiry, password hash)
 * under a key derived from the cookie key ring, like {@code CsrfTokens}. Any server with the same keys
 * accepts it; retiring a key or changing the analyst password ends every session. It carries no
 * identifier: there is one analyst account. HttpOnly, SameSite=Strict, Path=/ (so the application's own
 * dashboard can ask {@code Crumb.isAnalyst}), Secure on secure requests.
 */
public final class AnalystSessions {

    private static final int MAC_BYTES = 16;

    private final String cookieName;
    private final List<HmacSha256> keys;
    private final byte[] passwordFingerprint;
    private final Clock clock;
    private final Duration lifetime;
    private final boolean alwaysSecure;

    public AnalystSessions(String cookieName, CookieKeys ring, PasswordHash password, Clock clock, Duration lifetime,
                           boolean alwaysSecure) {
        this.cookieName = Objects.requireNonNull(cookieName, "cookieName");
        this.keys = ring.all().stream()
                .map(k -> new HmacSha256(VisitorHasher.derive(k.key().getEncoded(), "crumb-analyst-v1"))).toList();
        this.passwordFingerprint = password.hash();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.alwaysSecure = alwaysSecure;
    }

    /** The cookie's name. */
    public String cookieName() {
        return cookieName;
    }

    /** A {@code Set-Cookie} value that signs the analyst in for the session lifetime. */
    public String signIn(boolean secureRequest) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES + MAC_BYTES).putLong(expiry).put(mac(keys.get(0), expiry));
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
        return header(value, lifetime.toSeconds(), secureRequest);
    }

    /** A {@code Set-Cookie} value that removes the session cookie. */
    public String signOut(boolean secureRequest) {
        return header("", 0, secureRequest);
    }

    /** Whether the request carries a valid, unexpired analyst session cookie. */
    public boolean signedIn(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (c != null && cookieName.equals(c.getName()) && valid(c.getValue())) {
                return true;
            }
        }
        return false;
    }

    boolean valid(String value) {
        if (value == null || value.length() > 64) {
            return false;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != Long.BYTES + MAC_BYTES) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long expiry = b.getLong();
        byte[] given = Arrays.copyOfRange(raw, Long.BYTES, raw.length);
        if (expiry <= clock.instant().getEpochSecond()) {
            return false;
        }
        boolean ok = false;
        for (HmacSha256 key : keys) {
            ok |= MessageDigest.isEqual(given, mac(key, expiry));
        }
        return ok;
    }

    private String header(String value, long maxAge, boolean secureRequest) {
        StringBuilder h = new StringBuilder(cookieName).append('=').append(value)
                .append("; Path=/; Max-Age=").append(maxAge).append("; HttpOnly; SameSite=Strict");
        if (secureRequest || alwaysSecure) {
            h.append("; Secure");
        }
        return h.toString();
    }

    private byte[] mac(HmacSha256 key, long expiry) {
        byte[] full = key.mac("analyst".getBytes(StandardCharsets.US_ASCII),
                ByteBuffer.allocate(Long.BYTES).putLong(expiry).array(), passwordFingerprint);
        return Arrays.copyOf(full, MAC_BYTES);
    }
}
