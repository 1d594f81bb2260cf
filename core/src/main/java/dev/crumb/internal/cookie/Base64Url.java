package dev.crumb.internal.cookie;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Unpadded base64url (RFC 4648 §5) for the parts of the cookie, in its canonical form only, written and
 * read at offsets. {@code java.util.Base64} works on whole arrays and strings and returns fresh arrays,
 * and it accepts padding and non-zero unused bits; here a part is decoded from the cookie string straight
 * into the cipher's buffer and encoded straight into the cookie's bytes, and every non-canonical spelling
 * is refused (issue 17 #5).
 *
 * <p>The bulk of a full cookie is some 4 000 characters of ciphertext, and JDK 17 has no vectorised
 * base64 on common CPUs. Encoding therefore looks up pairs of characters (12 bits) in one table and
 * stores eight characters as one {@code long}: half the lookups and an eighth of the stores of a
 * character-at-a-time loop. Decoding stays a character at a time: the pair table it would need (65 536
 * entries) made the codec slower, not faster (issue 12 part 4, docs/performance.md).
 */
final class Base64Url {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    /** Byte → its 6-bit value, -1 for anything else ({@code =} and every non-ASCII byte included). */
    private static final int[] SEXTETS = new int[256];
    /** 12 bits → their two characters, the first in the low byte (little-endian order in the output). */
    private static final short[] ENCODE_PAIRS = new short[1 << 12];

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        Arrays.fill(SEXTETS, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            SEXTETS[ALPHABET[i]] = i;
        }
        for (int i = 0; i < ENCODE_PAIRS.length; i++) {
            ENCODE_PAIRS[i] = (short) (ALPHABET[i >>> 6] | ALPHABET[i & 63] << 8);
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
        short[] pairs = ENCODE_PAIRS;
        int i = from;
        int end = from + length;
        // Six bytes to eight characters, reading eight bytes (the last two are read again next time).
        for (; i + 8 <= end; i += 6) {
            long w = (long) LONG_BE.get(src, i);
            int hi = (int) (w >>> 40);
            int lo = (int) (w >>> 16) & 0xffffff;
            long chars = (pairs[hi >>> 12] & 0xffffL) | (pairs[hi & 0xfff] & 0xffffL) << 16
                    | (pairs[lo >>> 12] & 0xffffL) << 32 | (pairs[lo & 0xfff] & 0xffffL) << 48;
            LONG_LE.set(dst, at, chars);
            at += 8;
        }
        for (; i + 3 <= end; i += 3) {
            int q = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
            INT_LE.set(dst, at, (pairs[q >>> 12] & 0xffff) | pairs[q & 0xfff] << 16);
            at += 4;
        }
        if (end - i == 1) {
            int q = (src[i] & 0xff) << 4;
            dst[at++] = ALPHABET[q >>> 6];
            dst[at++] = ALPHABET[q & 63];
        } else if (end - i == 2) {
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
     * bits zero). Reads the string in place, without copying it to bytes first. On -1, {@code dst} may hold
     * partial output.
     */
    static int decode(String s, int start, int end, byte[] dst, int at) {
        int[] table = SEXTETS;
        int o = at;
        int i = start;
        // A -1 from the table sets every bit: the OR of all quanta is negative if any character is foreign,
        // checked once at the end instead of a branch per quantum.
        int invalid = 0;
        int whole = end - ((end - start) & 3);
        for (; i < whole; i += 4) {
            char c0 = s.charAt(i);
            char c1 = s.charAt(i + 1);
            char c2 = s.charAt(i + 2);
            char c3 = s.charAt(i + 3);
            if ((c0 | c1 | c2 | c3) > 0xff) {
                return -1; // above U+00FF: foreign whatever its low byte (U+0141 is not 'A')
            }
            int q = table[c0] << 18 | table[c1] << 12 | table[c2] << 6 | table[c3];
            invalid |= q;
            dst[o] = (byte) (q >> 16);
            dst[o + 1] = (byte) (q >> 8);
            dst[o + 2] = (byte) q;
            o += 3;
        }
        switch (end - i) {
            case 0 -> { }
            case 2 -> {
                int q = sextet(s.charAt(i)) << 6 | sextet(s.charAt(i + 1));
                if (q < 0 || (q & 0xf) != 0) {
                    return -1;
                }
                dst[o++] = (byte) (q >> 4);
            }
            case 3 -> {
                int q = sextet(s.charAt(i)) << 12 | sextet(s.charAt(i + 1)) << 6 | sextet(s.charAt(i + 2));
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
        return invalid < 0 ? -1 : o - at;
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
