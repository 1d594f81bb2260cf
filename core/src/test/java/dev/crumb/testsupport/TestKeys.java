package dev.crumb.testsupport;

import java.util.Arrays;
import java.util.Base64;

/** Fixed, obviously-fake cookie keys for tests: {@code key(1)}, {@code key(2)} … are distinct and stable. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A 32-byte base64url key filled with the byte {@code n}. */
    public static String key(int n) {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) n);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
