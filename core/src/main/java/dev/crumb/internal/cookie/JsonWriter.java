package dev.crumb.internal.cookie;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the small JSON objects inside the cookie as UTF-8 into a growable buffer that is reused (one per
 * thread, see {@link CookiePayloadJson}), so the cipher encrypts straight from it. Escapes {@code "},
 * {@code \} and control characters as Jackson does; a lone surrogate, which UTF-8 cannot carry, is
 * written as a {@code \}{@code u} escape so every Java string survives the round trip. Hand-written for
 * the reason given in {@link JsonReader}.
 */
final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** 0x01 in every byte: times a character, that character in every byte. */
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private byte[] buf;
    private int len;

    JsonWriter() {
        this(new byte[512]);
    }

    /** Writes into {@code buffer} (grown when it is too small: see {@link #buffer()}). */
    JsonWriter(byte[] buffer) {
        this.buf = buffer;
    }

    /** Empties the buffer for the next payload. */
    void reset() {
        len = 0;
    }

    /** The buffer; its first {@link #length()} bytes are the JSON written so far. */
    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    /** A copy of what was written. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void beginObject() {
        put('{');
    }

    void endObject() {
        put('}');
    }

    /** A member's name; the comma before it is added when it is not the object's first. */
    void name(String name) {
        if (len > 0 && buf[len - 1] != '{') {
            put(',');
        }
        string(name);
        put(':');
    }

    void number(long value) {
        ensure(20);
        if (value == Long.MIN_VALUE) {
            for (byte b : Long.toString(value).getBytes(StandardCharsets.US_ASCII)) {
                buf[len++] = b;
            }
            return;
        }
        if (value < 0) {
            buf[len++] = '-';
            value = -value;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    void bool(boolean value) {
        for (char c : (value ? "true" : "false").toCharArray()) {
            put(c);
        }
    }

    void string(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        if (n > 16) {
            // Long values (a saved message): the JDK encodes UTF-8 in bulk (a copy for Latin-1 text), and a
            // word-at-a-time scan finds whether anything needs escaping, several times faster than a
            // per-character loop. '?' sends the value to that loop too: it is how getBytes spells a lone
            // surrogate, which must be written as an escape.
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (nothingToEscape(utf8)) {
                ensure(utf8.length + 1);
                System.arraycopy(utf8, 0, buf, len, utf8.length);
                len += utf8.length;
                buf[len++] = '"';
                return;
            }
        }
        int i = 0;
        for (; i < n; i++) {
            ensure(12);
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                buf[len++] = '\\';
                buf[len++] = (byte) c;
            } else if (c < 0x20) {
                control(c);
            } else if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xc0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xf0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buf[len++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                buf[len++] = (byte) (0xe0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3f);
                buf[len++] = (byte) (0x80 | c & 0x3f);
            }
        }
        ensure(1);
        buf[len++] = '"';
    }

    /**
     * Whether these UTF-8 bytes hold no quote, backslash, control character or {@code '?'}, eight at a
     * time: a byte of a word is zero after XOR with a repeated character exactly where that character
     * is, and the classic test for a byte below a limit (zero: below 1) is exact for "any". Bytes of
     * multi-byte sequences (0x80 and above) never match.
     */
    private static boolean nothingToEscape(byte[] utf8) {
        long found = 0;
        int i = 0;
        for (; i + 8 <= utf8.length; i += 8) {
            long w = (long) LONG_LE.get(utf8, i);
            // XOR 0x02 maps '"' (0x22) to 0x20 and the controls onto themselves: one test for both.
            found |= below(w ^ (ONES * 0x02), ONES * 0x21) | below(w ^ (ONES * '\\'), ONES) | below(w ^ (ONES * '?'), ONES);
        }
        for (; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b >= 0 && b < 0x20 || b == '"' || b == '\\' || b == '?') {
                return false;
            }
        }
        return found == 0;
    }

    /** Non-zero iff a byte of {@code w} is below the byte repeated in {@code limits} (at most 0x80). */
    private static long below(long w, long limits) {
        return (w - limits) & ~w & HIGH_BITS;
    }

    private void control(char c) {
        switch (c) {
            case '\b' -> escape('b');
            case '\f' -> escape('f');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            case '\t' -> escape('t');
            default -> unicodeEscape(c);
        }
    }

    private void escape(char c) {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
    }

    private void unicodeEscape(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[c >> 12 & 0xf];
        buf[len++] = HEX[c >> 8 & 0xf];
        buf[len++] = HEX[c >> 4 & 0xf];
        buf[len++] = HEX[c & 0xf];
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
