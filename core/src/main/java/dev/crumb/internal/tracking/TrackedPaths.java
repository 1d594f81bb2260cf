package dev.crumb.internal.tracking;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request path into the path recorded: percent-decoded as UTF-8 (invalid sequences and control
 * characters become U+FFFD), then passed through the site's normaliser (e.g. {@code /products/123} →
 * {@code /products/{id}}), then capped at {@link #MAX_LENGTH} characters. Query strings never reach it:
 * the servlet request URI has none.
 */
final class TrackedPaths {

    /** The longest path recorded; longer ones are cut and end in {@code …}. */
    public static final int MAX_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(TrackedPaths.class);
    private static final char REPLACEMENT = '\uFFFD';

    private final Function<String, String> normaliser;

    /** @param normaliser maps a sanitised path to the recorded one; returning {@code null} leaves the page out */
    public TrackedPaths(Function<String, String> normaliser) {
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    }

    /**
     * The path to record for a raw (percent-encoded) request path, or {@code null} when the normaliser
     * leaves the page out. A normaliser that throws is logged (without the path) and bypassed.
     */
    public String recorded(String rawPath) {
        String clean = sanitise(rawPath);
        String normalised;
        try {
            normalised = normaliser.apply(clean);
        } catch (RuntimeException e) {
            LOG.warn("the tracking path normaliser threw {}; recording the path as it came", e.getClass().getSimpleName());
            normalised = clean;
        }
        return normalised == null ? null : sanitise(normalised);
    }

    /** Decodes, replaces what cannot be shown, starts with {@code /} and caps the length. */
    static String sanitise(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String decoded = percentDecode(rawPath);
        if (decoded.charAt(0) == '/' && decoded.length() <= MAX_LENGTH && printableAscii(decoded)) {
            return decoded; // nothing to replace, prefix or cut: the common case, without a copy
        }
        StringBuilder b = new StringBuilder(Math.min(decoded.length(), MAX_LENGTH) + 1);
        if (decoded.charAt(0) != '/') {
            b.append('/');
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= decoded.length() || !Character.isLowSurrogate(decoded.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(decoded.charAt(i - 1)));
            b.append(control || loneSurrogate ? REPLACEMENT : c);
        }
        return cap(b.toString());
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String cap(String path) {
        if (path.length() <= MAX_LENGTH) {
            return path;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isLowSurrogate(path.charAt(end)) && Character.isHighSurrogate(path.charAt(end - 1))) {
            end--;
        }
        return path.substring(0, end) + '…';
    }

    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] utf8 = Character.isSurrogate(c) && Character.charCount(codePoint) == 1
                        ? "\uFFFD".getBytes(StandardCharsets.UTF_8)
                        : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
