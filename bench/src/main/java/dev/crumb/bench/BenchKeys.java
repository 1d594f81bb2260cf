package dev.crumb.bench;

import java.util.Arrays;
import java.util.Base64;

/**
 * The fixed, obviously fake keys every benchmark uses, so that runs are comparable and a cookie made in
 * one run opens in the next. Never use these outside benchmarks.
 */
public final class BenchKeys {

    /** The cookie key: 32 bytes of 0x42, base64url. */
    public static final String COOKIE_KEY = key(0x42);

    /** The hash key for visitor IDs: 32 bytes of 0x43, base64url. */
    public static final String HASH_KEY = key(0x43);

    private BenchKeys() {
    }

    /** The raw bytes behind {@link #COOKIE_KEY}, for the JDK AES-GCM baseline. */
    public static byte[] cookieKeyBytes() {
        return Base64.getUrlDecoder().decode(COOKIE_KEY);
    }

    private static String key(int fill) {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) fill);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
