package dev.crumb.internal.cookie;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Unpadded base64url (RFC 4648 §5) for the parts of the cookie, in its canonical form only, written and
 * read at offsets. {@code java.util.Base64} works on whole arrays and strings and returns fresh arrays,
 * and it accepts padding and non-zero unused bits; here a part is decoded from the cookie string straight
 * into the cipher's buffer and encoded straight into the cookie's bytes, and every non-canonical spelling
 * is refused (issue 17 #5).
 */
final class Base64Url {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    /** Byte → its 6-bit value, -1 for anything else ({@code =} and every non-ASCII byte included). */
    private static final int[] SEXTETS = new int[256];

    static {
        Arrays.fill(SEXTETS, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            SEXTETS[ALPHABET[i]] = i;
        }
    }

    private Base64Url() {
    }

    /** Characters that {@code bytes} bytes encode to, without padding. */
    static int encodedLength(int bytes) {
        return bytes / 3 * 4 + (bytes % 3 == 0 ? 0 : bytes % 3 + 1);
    }

    /** Bytes that {@code chars} characters of canonical base64url decode to; -1 for a length no encoding has. */
    static int decodedLength(int chars) {
        return chars % 4 == 1 ? -1 : chars / 4 * 3 + (chars % 4 == 0 ? 0 : chars % 4 - 1);
    }

    /** Encodes {@code src[from, from + length)} into {@code dst} at {@code at}; the index after the last character. */
    static int encode(byte[] src, int from, int length, byte[] dst, int at) {
        int i = from;
        int whole = from + length - length % 3;
        for (; i < whole; i += 3) {
            int q = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
            dst[at++] = ALPHABET[q >>> 18];
            dst[at++] = ALPHABET[(q >>> 12) & 63];
            dst[at++] = ALPHABET[(q >>> 6) & 63];
            dst[at++] = ALPHABET[q & 63];
        }
        if (length % 3 == 1) {
            int q = (src[i] & 0xff) << 4;
            dst[at++] = ALPHABET[q >>> 6];
            dst[at++] = ALPHABET[q & 63];
        } else if (length % 3 == 2) {
            int q = (src[i] & 0xff) << 10 | (src[i + 1] & 0xff) << 2;
            dst[at++] = ALPHABET[q >>> 12];
            dst[at++] = ALPHABET[(q >>> 6) & 63];
            dst[at++] = ALPHABET[q & 63];
        }
        return at;
    }

    /**
     * Decodes {@code s[start, end)} into {@code dst} at {@code at}: the number of bytes written, or -1 unless
     * the characters are canonical unpadded base64url (alphabet only, a possible length, unused trailing
     * bits zero).
     */
    static int decode(String s, int start, int end, byte[] dst, int at) {
        return decode(s.getBytes(StandardCharsets.ISO_8859_1), start, end, dst, at);
    }

    /** {@link #decode(String, int, int, byte[], int)} from the ISO-8859-1 bytes of the cookie string. */
    static int decode(byte[] src, int start, int end, byte[] dst, int at) {
        int[] table = SEXTETS;
        int o = at;
        int i = start;
        int whole = end - ((end - start) & 3);
        for (; i < whole; i += 4) {
            // A -1 anywhere makes the whole quantum negative.
            int q = table[src[i] & 0xff] << 18 | table[src[i + 1] & 0xff] << 12 | table[src[i + 2] & 0xff] << 6
                    | table[src[i + 3] & 0xff];
            if (q < 0) {
                return -1;
            }
            dst[o] = (byte) (q >> 16);
            dst[o + 1] = (byte) (q >> 8);
            dst[o + 2] = (byte) q;
            o += 3;
        }
        switch (end - i) {
            case 0 -> { }
            case 2 -> {
                int q = table[src[i] & 0xff] << 6 | table[src[i + 1] & 0xff];
                if (q < 0 || (q & 0xf) != 0) {
                    return -1;
                }
                dst[o++] = (byte) (q >> 4);
            }
            case 3 -> {
                int q = table[src[i] & 0xff] << 12 | table[src[i + 1] & 0xff] << 6 | table[src[i + 2] & 0xff];
                if (q < 0 || (q & 0x3) != 0) {
                    return -1;
                }
                dst[o++] = (byte) (q >> 10);
                dst[o++] = (byte) (q >> 2);
            }
            default -> {
                return -1; // one character cannot hold a byte
            }
        }
        return o - at;
    }

    /**
     * Whether the part {@code s[start, end)} ends canonically: non-empty, a possible length, and a last
     * character that is base64url with zero unused bits. The cheap check before any decoding.
     */
    static boolean canonicalEnd(String s, int start, int end) {
        int length = end - start;
        if (length <= 0 || length % 4 == 1) {
            return false;
        }
        int unusedMask = switch (length % 4) {
            case 2 -> 0xf; // 12 bits for one byte
            case 3 -> 0x3; // 18 bits for two bytes
            default -> 0;
        };
        int last = sextet(s.charAt(end - 1));
        return last >= 0 && (last & unusedMask) == 0;
    }

    private static int sextet(char c) {
        return c < 256 ? SEXTETS[c] : -1;
    }
}
