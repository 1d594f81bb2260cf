package dev.crumb.internal.web;

import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.visitor.VisitorHasher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless CSRF tokens bound to one visitor ID and valid for a limited time: the expiry and an HMAC
 * of (visitor ID, expiry) under a key derived from the cookie key ring. Any server with the same keys
 * checks them; a token of one visitor is worthless for another; a retired key retires its tokens.
 */
public final class CsrfTokens {

    private static final int MAC_BYTES = 16;

    private final List<byte[]> keys;
    private final Clock clock;
    private final Duration lifetime;

    public CsrfTokens(CookieKeys ring, Clock clock, Duration lifetime) {
        this.keys = ring.all().stream().map(k -> VisitorHasher.derive(k.key().getEncoded(), "crumb-csrf-v1")).toList();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A fresh token for this visitor. */
    public String issue(String visitorId) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        byte[] mac = mac(keys.get(0), visitorId, expiry);
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES + MAC_BYTES).putLong(expiry).put(mac);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Whether the token was issued for this visitor by a key of the ring and has not expired. */
    public boolean valid(String visitorId, String token) {
        if (visitorId == null || token == null || token.length() > 64) {
            return false;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != Long.BYTES + MAC_BYTES) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long expiry = b.getLong();
        byte[] given = new byte[MAC_BYTES];
        b.get(given);
        if (expiry < clock.instant().getEpochSecond()) {
            return false;
        }
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(given, mac(key, visitorId, expiry))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(byte[] key, String visitorId, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(visitorId.getBytes(StandardCharsets.UTF_8));
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(expiry).array());
            byte[] full = mac.doFinal();
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no HmacSHA256", e);
        }
    }
}
