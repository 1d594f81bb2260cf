package dev.crumb.internal.analytics;

import dev.crumb.internal.crypto.HmacSha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a request comes from the analyst: by the session cookie of the login form, or by HTTP
 * Basic credentials (user {@value #USER}) for scripts. Password checks go through the
 * {@link GuessLimiter}. Because a PBKDF2 check is deliberately slow, a correct Basic password is
 * remembered for {@value #REMEMBER_MINUTES} minutes as an HMAC under a random per-process key, so a
 * script polling the endpoints does not pay for PBKDF2 on every call; wrong passwords are never
 * remembered.
 */
final class AnalystAccess {

    /** The one analyst user name. */
    public static final String USER = "analyst";

    private static final long REMEMBER_MINUTES = 10;

    private final PasswordHash password;
    private final AnalystSessions sessions;
    private final GuessLimiter limiter;
    private final HmacSha256 remember;
    private final Cache<String, Boolean> remembered = Caffeine.newBuilder()
            .maximumSize(16).expireAfterWrite(Duration.ofMinutes(REMEMBER_MINUTES)).build();

    public AnalystAccess(PasswordHash password, AnalystSessions sessions, GuessLimiter limiter, SecureRandom random) {
        this.password = Objects.requireNonNull(password, "password");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        byte[] rememberKey = new byte[32];
        random.nextBytes(rememberKey);
        this.remember = new HmacSha256(rememberKey);
        Arrays.fill(rememberKey, (byte) 0);
    }

    /** What a request's credentials amount to. */
    public sealed interface Outcome {
        /** The analyst. */
        record Granted() implements Outcome {}

        /** No credentials at all. */
        record Missing() implements Outcome {}

        /** Wrong user or password (now counted against the client). */
        record Refused() implements Outcome {}

        /** Too many failures: try again after {@code retryAfter}. */
        record Limited(Duration retryAfter) implements Outcome {}
    }

    /** Whether the request is signed in through the login form's session cookie (no password check). */
    public boolean signedIn(HttpServletRequest request) {
        return sessions.signedIn(request);
    }

    /** The session cookies. */
    public AnalystSessions sessions() {
        return sessions;
    }

    /** Checks the session cookie, then any Basic credentials. */
    public Outcome authenticate(HttpServletRequest request) {
        if (sessions.signedIn(request)) {
            return new Outcome.Granted();
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Outcome.Missing();
        }
        char[] credentials = decodeBasic(header.substring(6).trim());
        try {
            int colon = indexOf(credentials, ':');
            if (colon < 0) {
                return check(request.getRemoteAddr(), null, null);
            }
            return check(request.getRemoteAddr(), new String(credentials, 0, colon),
                    Arrays.copyOfRange(credentials, colon + 1, credentials.length));
        } finally {
            Arrays.fill(credentials, '\0');
        }
    }

    /**
     * Checks a user and password from the login form or a Basic header, counting failures against
     * {@code address}. The password array is cleared.
     */
    public Outcome check(String address, String user, char[] given) {
        try {
            var locked = limiter.lockedFor(address);
            if (locked.isPresent()) {
                return new Outcome.Limited(locked.get());
            }
            boolean userOk = user != null && USER.equals(user.trim().toLowerCase(Locale.ROOT));
            String memo = given == null ? null : memo(given);
            if (memo != null && userOk && remembered.getIfPresent(memo) != null) {
                // A password already proven right: no PBKDF2 runs, so nothing is counted or given back.
                return new Outcome.Granted();
            }
            // Count the attempt before the slow check, atomically: parallel guesses cannot all get through
            // while the first ones are still being hashed. A correct password gives it back.
            var refused = limiter.begin(address);
            if (refused.isPresent()) {
                return new Outcome.Limited(refused.get());
            }
            // Always run PBKDF2, also for a wrong user name, so timing reveals nothing.
            boolean ok = password.matches(given) && userOk;
            if (ok) {
                remembered.put(memo, Boolean.TRUE);
                limiter.succeeded(address);
                return new Outcome.Granted();
            }
            return new Outcome.Refused();
        } finally {
            if (given != null) {
                Arrays.fill(given, '\0');
            }
        }
    }

    private String memo(char[] given) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(given));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return Base64.getEncoder().encodeToString(remember.mac(raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    private static char[] decodeBasic(String token) {
        if (token.length() > 4096) {
            return new char[0];
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new char[0];
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return new char[0];
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
