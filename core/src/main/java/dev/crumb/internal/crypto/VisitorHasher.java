package dev.crumb.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyed hashes (HMAC-SHA-256) of visitor IDs and email addresses: what the store keeps instead of the
 * values themselves. Without the key, a hash cannot be reversed or even checked against a guess.
 */
public final class VisitorHasher {

    private final HmacSha256 hmac;

    public VisitorHasher(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the hash key must have at least 32 bytes");
        }
        this.hmac = new HmacSha256(key);
    }

    /** The keyed hash of a visitor ID: 128 bits as 22 base64url characters. */
    public String visitorKey(String visitorId) {
        return hash("visitor:", visitorId);
    }

    /** The keyed hash of an email address, normalised (trimmed, lower case). */
    public String addressKey(String address) {
        return hash("email:", address.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A fingerprint of the key: the keyed hash of a constant. Servers compare it to tell whether they hash
     * with the same key; it reveals nothing of the key.
     */
    public String keyFingerprint() {
        return hash("fingerprint:", "crumb-hash-key-v1");
    }

    private String hash(String domain, String value) {
        byte[] digest = hmac.mac(domain.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }

    /** Derives a sub-key for one purpose from a master key (HMAC-SHA-256 as a PRF). */
    public static byte[] derive(byte[] master, String purpose) {
        return new HmacSha256(master).mac(purpose.getBytes(StandardCharsets.US_ASCII));
    }
}
