package dev.crumb.internal.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed per-address unsubscribe tokens for email links: the address's keyed hash and an HMAC of it.
 * The token reveals no address, cannot be forged for another address, and does not expire, so links in
 * old emails keep working. The key derives from the stable hash key, not from the rotating cookie keys.
 */
public final class UnsubscribeTokens {

    private static final int MAC_BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");

    private final byte[] key;

    public UnsubscribeTokens(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the unsubscribe key must have at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The token for the address with this keyed hash. */
    public String issue(String addressKey) {
        return addressKey + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(addressKey));
    }

    /** The address key a valid token stands for; empty for anything else. */
    public Optional<String> verify(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String addressKey = token.substring(0, 22);
        byte[] given = Base64.getUrlDecoder().decode(token.substring(23));
        return MessageDigest.isEqual(given, mac(addressKey)) ? Optional.of(addressKey) : Optional.empty();
    }

    private byte[] mac(String addressKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(addressKey.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no HmacSHA256", e);
        }
    }
}
