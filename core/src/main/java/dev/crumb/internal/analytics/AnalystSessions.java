package dev.crumb.internal.analytics;

import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.crypto.HmacSha256;
import dev.crumb.internal.crypto.VisitorHasher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The analyst session cookie set by the login form: when the session began and when it was last used,
 * with an HMAC over both and the password hash under a key derived from the cookie key ring, like
 * {@code CsrfTokens}. Any server with the same keys accepts it; retiring a key or changing the analyst
 * password ends every session. A session ends after {@link #IDLE} without use (at most the lifetime),
 * after the configured lifetime in any case, and when the analyst signs out anywhere: sessions that
 * began before the last sign-out kept in the store ({@link AnalystSignOuts}) are refused on every server.
 * It carries no identifier: there is one analyst account. HttpOnly, SameSite=Strict, Path=/ (so the
 * application's own dashboard can ask {@code Crumb.isAnalyst}), Secure on secure requests.
 */
final class AnalystSessions {

    /** A session unused for this long is over. */
    public static final Duration IDLE = Duration.ofMinutes(30);

    /** A session in use gets a new last-use time in its cookie at most this often. */
    static final Duration REFRESH = Duration.ofMinutes(1);

    private static final int MAC_BYTES = 16;
    private static final int VALUE_BYTES = 2 * Long.BYTES + MAC_BYTES;

    private final String cookieName;
    private final List<HmacSha256> keys;
    private final byte[] passwordFingerprint;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration idle;
    private final AnalystSignOuts signOuts;
    private final boolean alwaysSecure;

    /**
     * @param lifetime the longest a session lasts, however active
     * @param signOuts the sign-outs every server sees
     */
    public AnalystSessions(String cookieName, CookieKeys ring, PasswordHash password, Clock clock, Duration lifetime,
                           AnalystSignOuts signOuts, boolean alwaysSecure) {
        this.cookieName = Objects.requireNonNull(cookieName, "cookieName");
        this.keys = ring.all().stream()
                .map(k -> new HmacSha256(VisitorHasher.derive(k.key().getEncoded(), "crumb-analyst-v2"))).toList();
        this.passwordFingerprint = password.hash();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.idle = lifetime.compareTo(IDLE) < 0 ? lifetime : IDLE;
        this.signOuts = Objects.requireNonNull(signOuts, "signOuts");
        this.alwaysSecure = alwaysSecure;
    }

    /** The cookie's name. */
    public String cookieName() {
        return cookieName;
    }

    /** A {@code Set-Cookie} value that starts a new analyst session. */
    public String signIn(boolean secureRequest) {
        long now = clock.millis();
        return header(new Session(now, now), secureRequest);
    }

    /** A {@code Set-Cookie} value that removes the session cookie. */
    public String signOut(boolean secureRequest) {
        return header("", 0, secureRequest);
    }

    /**
     * Ends every analyst session, on this server at once and on the others within
     * {@link AnalystSignOuts#MAX_AGE}.
     *
     * @throws RuntimeException when the store could not record it (this server has ended them anyway)
     */
    public void endAll() {
        signOuts.endAll();
    }

    /** Whether the request carries a valid analyst session cookie. */
    public boolean signedIn(HttpServletRequest request) {
        return current(request).isPresent();
    }

    /**
     * A {@code Set-Cookie} value that records this use of a valid session, when its cookie's last-use time
     * is more than {@link #REFRESH} old; empty otherwise.
     */
    public Optional<String> refreshed(HttpServletRequest request) {
        long now = clock.millis();
        return current(request).filter(s -> now - s.lastUsedMillis() >= REFRESH.toMillis())
                .map(s -> header(new Session(s.beganMillis(), now), request.isSecure()));
    }

    private Optional<Session> current(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (c != null && cookieName.equals(c.getName())) {
                Optional<Session> session = open(c.getValue());
                if (session.isPresent()) {
                    return session;
                }
            }
        }
        return Optional.empty();
    }

    /** The session a cookie value stands for, if it is genuine and neither idle, too old nor signed out. */
    Optional<Session> open(String value) {
        if (value == null || value.length() > 64) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != VALUE_BYTES) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        Session session = new Session(b.getLong(), b.getLong());
        byte[] given = Arrays.copyOfRange(raw, 2 * Long.BYTES, raw.length);
        boolean genuine = false;
        for (HmacSha256 key : keys) {
            genuine |= MessageDigest.isEqual(given, mac(key, session));
        }
        long now = clock.millis();
        if (!genuine || session.lastUsedMillis() < session.beganMillis()
                || now >= session.beganMillis() + lifetime.toMillis()
                || now >= session.lastUsedMillis() + idle.toMillis()) {
            return Optional.empty();
        }
        // Last, since it may ask the store: a session that began at or before the last sign-out is over.
        if (!Instant.ofEpochMilli(session.beganMillis()).isAfter(signOuts.endedAt())) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    private String header(Session session, boolean secureRequest) {
        ByteBuffer b = ByteBuffer.allocate(VALUE_BYTES).putLong(session.beganMillis()).putLong(session.lastUsedMillis())
                .put(mac(keys.get(0), session));
        long remaining = Math.max(1, (session.beganMillis() + lifetime.toMillis() - clock.millis()) / 1000);
        return header(Base64.getUrlEncoder().withoutPadding().encodeToString(b.array()), remaining, secureRequest);
    }

    private String header(String value, long maxAge, boolean secureRequest) {
        StringBuilder h = new StringBuilder(cookieName).append('=').append(value)
                .append("; Path=/; Max-Age=").append(maxAge).append("; HttpOnly; SameSite=Strict");
        if (secureRequest || alwaysSecure) {
            h.append("; Secure");
        }
        return h.toString();
    }

    private byte[] mac(HmacSha256 key, Session session) {
        byte[] full = key.mac("analyst".getBytes(StandardCharsets.US_ASCII),
                ByteBuffer.allocate(2 * Long.BYTES).putLong(session.beganMillis()).putLong(session.lastUsedMillis()).array(),
                passwordFingerprint);
        return Arrays.copyOf(full, MAC_BYTES);
    }

    /** When a session began and when it was last used, in epoch milliseconds. */
    record Session(long beganMillis, long lastUsedMillis) {
    }
}
