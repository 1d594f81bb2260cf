package dev.crumb.internal.cookie;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A pull reader for the small JSON objects inside the cookie (RFC 8259, UTF-8), reading names and scalar
 * values in place from the decrypted bytes. Any JSON value may be skipped, so fields of a newer Crumb are
 * passed over. Hand-written because Jackson's streaming parser cost more than the AES-GCM work itself on
 * a typical cookie and twice it on a full one (see docs/architecture.md); the input is authenticated, so
 * the reader aims at exactness and bounded work rather than at helpful error messages.
 */
final class JsonReader {

    /** Deeper nesting in an unknown field is refused rather than skipped: Crumb never writes it. */
    private static final int MAX_SKIP_DEPTH = 32;
    /** One-character ASCII names, shared: every name Crumb writes is one of them. */
    private static final String[] SHORT_NAMES = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            SHORT_NAMES[c] = String.valueOf(c).intern();
        }
    }

    private final byte[] in;
    private final int end;
    private int pos;
    /** Whether the last token was an object's opening brace (no comma before its first name). */
    private boolean afterOpen;

    /**
     * The same bytes as Latin-1 characters, offset by {@code -base}: {@code String.indexOf} on them is a
     * vectorised intrinsic, which finds the end of a long string value several times faster than a loop.
     */
    private final String latin1;
    private final int base;
    /** The next backslash at or after the current string, or -1 if none: most payloads have none. */
    private int nextBackslash;

    JsonReader(byte[] in, int offset, int length) {
        this.in = in;
        this.pos = offset;
        this.end = offset + length;
        this.base = offset;
        this.latin1 = new String(in, offset, length, StandardCharsets.ISO_8859_1);
        this.nextBackslash = latin1.indexOf('\\');
    }

    /** Consumes the start of an object. */
    void beginObject() throws IOException {
        expect('{');
        afterOpen = true;
    }

    /** The next name of the current object, positioned before its value; {@code null} at the object's end (consumed). */
    String nextName() throws IOException {
        char c = nonSpace();
        if (c == '}') {
            pos++;
            afterOpen = false;
            return null;
        }
        if (!afterOpen) {
            expect(',');
            c = nonSpace();
        }
        afterOpen = false;
        if (c != '"') {
            throw error("a name");
        }
        String name = string();
        expect(':');
        return name;
    }

    /** Whether the next value is {@code null}; consumes it if so. */
    boolean nextIsNull() throws IOException {
        if (nonSpace() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    /** A string value. */
    String nextString() throws IOException {
        if (nonSpace() != '"') {
            throw error("a string");
        }
        return string();
    }

    /** An integer value within {@code long}; no fraction, no exponent. */
    long nextLong() throws IOException {
        nonSpace();
        byte[] a = in;
        int e = end;
        int p = pos;
        boolean negative = a[p] == '-';
        if (negative) {
            p++;
        }
        int start = p;
        long value = 0;
        while (p < e && a[p] >= '0' && a[p] <= '9') {
            int digit = a[p++] - '0';
            // Accumulate negatively so that Long.MIN_VALUE fits.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                pos = p;
                throw error("an integer within 64 bits");
            }
            value = value * 10 - digit;
        }
        pos = p;
        if (p == start || (a[start] == '0' && p - start > 1)
                || p < e && (a[p] == '.' || a[p] == 'e' || a[p] == 'E')) {
            throw error("an integer");
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw error("an integer within 64 bits");
        }
        return negative ? value : -value;
    }

    /** An integer value within {@code int}. */
    int nextInt() throws IOException {
        long value = nextLong();
        if (value != (int) value) {
            throw error("an integer within 32 bits");
        }
        return (int) value;
    }

    /** {@code true} or {@code false}. */
    boolean nextBoolean() throws IOException {
        char c = nonSpace();
        if (c == 't') {
            literal("true");
            return true;
        }
        if (c == 'f') {
            literal("false");
            return false;
        }
        throw error("a boolean");
    }

    /** Skips one value of any kind, nested ones included, without recursion. */
    void skipValue() throws IOException {
        long objects = 0; // bit d: the container at depth d is an object
        int depth = 0;
        while (true) {
            char c = nonSpace();
            if (c == '{' || c == '[') {
                if (depth == MAX_SKIP_DEPTH) {
                    throw error("less nesting");
                }
                pos++;
                boolean object = c == '{';
                if (nonSpace() == (object ? '}' : ']')) {
                    pos++; // empty: a complete value
                } else {
                    if (object) {
                        objects |= 1L << depth;
                        member();
                    } else {
                        objects &= ~(1L << depth);
                    }
                    depth++;
                    continue;
                }
            } else if (c == '"') {
                string();
            } else if (c == 't') {
                literal("true");
            } else if (c == 'f') {
                literal("false");
            } else if (c == 'n') {
                literal("null");
            } else {
                number();
            }
            // A complete value: close the containers that end here, or move to the next element.
            while (true) {
                if (depth == 0) {
                    return;
                }
                boolean object = (objects & (1L << (depth - 1))) != 0;
                char next = nonSpace();
                if (next == ',') {
                    pos++;
                    if (object) {
                        member();
                    }
                    break;
                }
                if (next != (object ? '}' : ']')) {
                    throw error("',' or the end of a container");
                }
                pos++;
                depth--;
            }
        }
    }

    /** Consumes the end of the input; anything but white space after the payload is refused. */
    void endOfInput() throws IOException {
        if (pos < end) {
            nonSpaceOrEnd();
            if (pos < end) {
                throw error("the end of the payload");
            }
        }
    }

    private void member() throws IOException {
        if (nonSpace() != '"') {
            throw error("a name");
        }
        string();
        expect(':');
    }

    private void number() throws IOException {
        int start = pos;
        if (pos < end && in[pos] == '-') {
            pos++;
        }
        while (pos < end && (in[pos] >= '0' && in[pos] <= '9' || in[pos] == '.' || in[pos] == 'e' || in[pos] == 'E'
                || in[pos] == '+' || in[pos] == '-')) {
            pos++;
        }
        if (pos == start || in[pos - 1] == '-') {
            throw error("a value");
        }
    }

    private void literal(String word) throws IOException {
        if (end - pos < word.length()) {
            throw error(word);
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw error(word);
            }
        }
        pos += word.length();
    }

    /** Reads a string whose opening quote is at {@code pos}. */
    private String string() throws IOException {
        int start = pos + 1;
        int close = latin1.indexOf('"', start - base) + base;
        if (close < base) {
            throw error("the end of a string");
        }
        if (nextBackslash >= 0 && nextBackslash + base < start) {
            nextBackslash = latin1.indexOf('\\', start - base);
        }
        if (nextBackslash >= 0 && nextBackslash + base < close) {
            pos = nextBackslash + base;
            return escapedString(start);
        }
        pos = close + 1;
        int length = close - start;
        if (length == 1 && in[start] >= 0x20) {
            return SHORT_NAMES[in[start]]; // a name: ASCII (the byte is not negative), shared
        }
        // The JDK's UTF-8 decoding copies ASCII in bulk. Raw control characters, which JSON does not
        // allow but which only a key holder could have sealed, are taken as they are.
        return new String(in, start, length, StandardCharsets.UTF_8);
    }

    /** The slow path: a string with escapes, from {@code start}; {@code pos} is at the first backslash. */
    private String escapedString(int start) throws IOException {
        StringBuilder out = new StringBuilder(pos - start + 16);
        int run = start;
        while (pos < end) {
            byte b = in[pos];
            if (b == '"') {
                out.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
                pos++;
                return out.toString();
            }
            if (b >= 0 && b < 0x20) {
                throw error("no control characters in a string");
            }
            if (b != '\\') {
                pos++;
                continue;
            }
            out.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
            if (++pos >= end) {
                break;
            }
            byte e = in[pos++];
            switch (e) {
                case '"', '\\', '/' -> out.append((char) e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw error("a valid escape");
            }
            run = pos;
        }
        throw error("the end of a string");
    }

    private char hex4() throws IOException {
        if (end - pos < 4) {
            throw error("four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[pos++], 16);
            if (digit < 0) {
                throw error("four hex digits");
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    private void expect(char c) throws IOException {
        if (nonSpace() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    /** The next character that is not white space, without consuming it. */
    private char nonSpace() throws IOException {
        nonSpaceOrEnd();
        if (pos >= end) {
            throw error("more input");
        }
        return (char) in[pos];
    }

    private void nonSpaceOrEnd() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    private IOException error(String expected) {
        return new IOException("cookie payload JSON: expected " + expected + " at byte " + pos);
    }
}
