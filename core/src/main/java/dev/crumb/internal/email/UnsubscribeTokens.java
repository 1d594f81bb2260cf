package dev.crumb.internal.email;

import dev.crumb.internal.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signed per-address unsubscribe tokens for email links: the address's keyed hash and an HMAC of it.
 * The token reveals no address, cannot be forged for another address, and does not expire, so links in
 * old emails keep working. The key derives from the stable hash key, not from the rotating cookie keys.
 */
public final class UnsubscribeTokens {

    private static final int MAC_BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");

    private final HmacSha256 hmac;

    public UnsubscribeTokens(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the unsubscribe key must have at least 32 bytes");
        }
        this.hmac = new HmacSha256(key);
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
        return Arrays.copyOf(hmac.mac(addressKey.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
    }
}
