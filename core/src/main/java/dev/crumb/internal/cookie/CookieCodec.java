package dev.crumb.internal.cookie;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals the cookie payload into a compact JWE (direct key, A256GCM, key ID in the header) and opens it
 * again, directly on the JDK's AES-GCM ({@link CompactJwe}) with the payload's JSON read and written in
 * place by {@link CookiePayloadJson}. Opening never throws: anything that is not the canonical form of a cookie
 * sealed with a key of the ring is simply "no cookie", which the filter treats as a new visitor.
 */
public final class CookieCodec implements CookieOpener {

    /** Longer values are refused before any parsing: no browser sends more than 4096 bytes per cookie. */
    public static final int MAX_VALUE_LENGTH = 4096;

    private final SecureRandom random;
    private final CompactJwe jwe;

    /**
     * @param keys   the ring: the first key seals, every key opens
     * @param random the source of IVs (one 12-byte IV per sealed cookie)
     */
    public CookieCodec(CookieKeys keys, SecureRandom random) {
        Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        this.jwe = new CompactJwe(keys.all());
    }

    /** A payload read back from a cookie, and whether it was sealed with a key that is no longer current. */
    public record Opened(CookiePayload payload, boolean sealedWithOlderKey) {}

    /** Encrypts and authenticates the payload with the current key. */
    public String seal(CookiePayload payload) {
        JsonWriter json = CookiePayloadJson.written(payload);
        return jwe.seal(json.buffer(), json.length(), 0, random);
    }

    /** Decrypts and validates a cookie value; empty for anything that is not a valid Crumb cookie of this ring. */
    @Override
    public Optional<Opened> open(String value) {
        CompactJwe.Layout layout = layout(value);
        if (layout == null) {
            return Optional.empty();
        }
        CompactJwe.Opened opened = jwe.open(value, layout);
        if (opened == null) {
            return Optional.empty();
        }
        try {
            CookiePayload payload = CookiePayloadJson.read(opened.plaintext(), 0, opened.length());
            return Optional.of(new Opened(payload, opened.keyIndex() != 0));
        } catch (IOException | RuntimeException e) {
            // Authentic but not a payload this version can read (a bug, or a key shared with something else).
            // The value is deliberately not logged: it is the visitor's data.
            return Optional.empty();
        }
    }

    /** Whether the value has the canonical shape of a cookie of this ring; says nothing about its tag. */
    @Override
    public boolean mayOpen(String value) {
        return layout(value) != null;
    }

    private CompactJwe.Layout layout(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            return null;
        }
        return jwe.layout(value);
    }
}
