package dev.crumb.internal.cookie;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JweHeader;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals the cookie payload into a compact JWE (direct key, A256GCM, key ID in the header) and opens it
 * again. Opening never throws: anything that does not decrypt and validate with a key of the ring is
 * simply "no cookie", which the filter treats as a new visitor.
 */
public final class CookieCodec implements CookieOpener {

    /** Longer values are refused before any parsing: no browser sends more than 4096 bytes per cookie. */
    public static final int MAX_VALUE_LENGTH = 4096;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private final CookieKeys keys;
    private final SecureRandom random;
    private final JwtParser parser;

    public CookieCodec(CookieKeys keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        this.parser = Jwts.parser()
                .keyLocator(new RingLocator(keys))
                // Only what we produce: direct key management, AES-256-GCM, no compression, nothing unsecured.
                .key().clear().add(Jwts.KEY.DIRECT).and()
                .enc().clear().add(Jwts.ENC.A256GCM).and()
                .zip().clear().and()
                .build();
    }

    /** A payload read back from a cookie, and whether it was sealed with a key that is no longer current. */
    public record Opened(CookiePayload payload, boolean sealedWithOlderKey) {}

    /** Encrypts and authenticates the payload with the current key. */
    public String seal(CookiePayload payload) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the cookie payload", e);
        }
        CookieKeys.NamedKey current = keys.current();
        return Jwts.builder()
                .random(random)
                .header().keyId(current.id()).and()
                .content(json, "crumb")
                .encryptWith(current.key(), Jwts.ENC.A256GCM)
                .compact();
    }

    /** Decrypts and validates a cookie value; empty for anything that is not a valid Crumb cookie of this ring. */
    @Override
    public Optional<Opened> open(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        try {
            var jwe = parser.parseEncryptedContent(value);
            CookiePayload payload = JSON.readValue(jwe.getPayload(), CookiePayload.class);
            if (payload == null) {
                return Optional.empty();
            }
            boolean older = !keys.current().id().equals(jwe.getHeader().getKeyId());
            return Optional.of(new Opened(payload, older));
        } catch (RuntimeException | IOException e) {
            // Tampered, truncated, foreign, retired or malformed: all mean "no valid cookie". The value is
            // deliberately not logged: it is the visitor's data.
            return Optional.empty();
        }
    }

    /** Finds the key by the {@code kid} header, for the only key management we accept. */
    private static final class RingLocator implements Locator<Key> {
        private final CookieKeys keys;

        RingLocator(CookieKeys keys) {
            this.keys = keys;
        }

        @Override
        public Key locate(Header header) {
            if (!(header instanceof JweHeader jwe)
                    || !"dir".equals(jwe.getAlgorithm())
                    || !"A256GCM".equals(jwe.getEncryptionAlgorithm())) {
                throw new UnsupportedCookieException();
            }
            return keys.find(jwe.getKeyId()).map(CookieKeys.NamedKey::key).orElseThrow(UnsupportedCookieException::new);
        }
    }

    /** Raised inside the parser for a header we do not accept; caught in {@link #open}. */
    private static final class UnsupportedCookieException extends RuntimeException {
        UnsupportedCookieException() {
            super("not a cookie of this key ring", null, false, false);
        }
    }
}
