package dev.crumb.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Other spellings of one valid compact-JWE cookie that decode to the same bytes, the finding of issue 17
 * #5: a lenient reader opens each as the same visitor, so one client could mint endless distinct cookie
 * strings (and cache entries) for one visitor. Crumb must refuse every one of them.
 */
public final class NonCanonicalCookies {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private NonCanonicalCookies() {
    }

    /**
     * Each variant of {@code valid} (a canonical five-part cookie) by a description of what was changed;
     * none longer than 4096 characters, so a length limit alone cannot be what refuses them.
     */
    public static Map<String, String> of(String valid) {
        String[] p = valid.split("\\.", -1);
        if (p.length != 5 || !p[1].isEmpty()) {
            throw new IllegalArgumentException("not a canonical compact JWE with an empty key part");
        }
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("a short encrypted-key part", join(p[0], "AAAA", p[2], p[3], p[4]));
        variants.put("a long random encrypted-key part",
                join(p[0], random(Math.max(4, 4090 - valid.length()), 17), p[2], p[3], p[4]));
        variants.put("= padding on the tag", join(p[0], p[1], p[2], p[3], p[4] + "=="));
        if (p[3].length() % 4 != 0) {
            variants.put("= padding on the ciphertext",
                    join(p[0], p[1], p[2], p[3] + "=".repeat(4 - p[3].length() % 4), p[4]));
            variants.put("unused bits set in the ciphertext's last character",
                    join(p[0], p[1], p[2], withLowBitSet(p[3]), p[4]));
        }
        variants.put("unused bits set in the tag's last character", join(p[0], p[1], p[2], p[3], withLowBitSet(p[4])));
        variants.put("a sixth, empty part", valid + ".");
        return variants;
    }

    /** The part with the lowest bit of its last character flipped: unused in a part of 2 or 3 (mod 4) characters. */
    public static String withLowBitSet(String part) {
        char last = part.charAt(part.length() - 1);
        char other = ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
        return part.substring(0, part.length() - 1) + other;
    }

    private static String random(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String join(String... parts) {
        return String.join(".", parts);
    }
}
