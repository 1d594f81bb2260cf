package dev.crumb.internal.cookie;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Crumb's one compact-JWE shape (RFC 7516), written and read directly with the JDK's AES-GCM: protected
 * header {@code {"kid":…,"cty":"crumb","alg":"dir","enc":"A256GCM"}} (the member order jjwt 0.13 writes,
 * so cookies sealed before this class existed still open), an empty encrypted-key part ({@code dir},
 * RFC 7518 §4.5), a 96-bit IV, the ciphertext and a 128-bit tag, each in unpadded base64url.
 *
 * <p>Only the canonical form of that shape is accepted: the header must be exactly one of the ring's
 * precomputed headers, the key part empty, the IV 16 and the tag 22 characters, no {@code =} padding and
 * no set bits in a part's unused trailing bits. Every other spelling of the same bytes is refused, so one
 * client cannot mint many distinct cookie strings (each its own cache entry) for one visitor.
 */
final class CompactJwe {

    /** Characters of a 12-byte IV in unpadded base64url. */
    static final int IV_CHARS = 16;
    /** Characters of a 16-byte tag in unpadded base64url. */
    static final int TAG_CHARS = 22;

    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A JCA {@code Cipher} costs a provider lookup to create; one per thread is reused, re-initialised per use. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no AES/GCM/NoPadding; Crumb needs it for its cookie", e);
        }
    });

    /** A key of the ring with its protected header, precomputed once. */
    record KeyedHeader(SecretKey key, String encoded, byte[] aad) {
    }

    /** Where the parts of a canonical value are, and which key's header it carries. */
    record Layout(int keyIndex, int ivStart, int ciphertextStart, int tagStart) {
    }

    /** A decrypted value: the plaintext and the index in the ring of the key that opened it. */
    record Opened(byte[] plaintext, int keyIndex) {
    }

    private final KeyedHeader[] headers;

    /** @param keys the ring, sealing key first; each key's header is computed here, once */
    CompactJwe(List<CookieKeys.NamedKey> keys) {
        headers = new KeyedHeader[keys.size()];
        for (int i = 0; i < headers.length; i++) {
            CookieKeys.NamedKey k = keys.get(i);
            String encoded = ENCODER.encodeToString(headerJson(k.id()).getBytes(StandardCharsets.UTF_8));
            // RFC 7516 §5.1 step 14: the AAD is the ASCII of the encoded protected header.
            headers[i] = new KeyedHeader(k.key(), encoded, encoded.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Encrypts with the key at {@code keyIndex} (0: the sealing key) under a fresh IV from {@code random}. */
    String seal(byte[] plaintext, int keyIndex, SecureRandom random) {
        KeyedHeader h = headers[keyIndex];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed;
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, h.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(h.aad());
            sealed = cipher.doFinal(plaintext); // ciphertext, then the tag
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a valid key and IV; the JVM's crypto provider is broken", e);
        }
        int ciphertextLength = sealed.length - TAG_BYTES;
        byte[] ciphertext = ENCODER.encode(ByteBuffer.wrap(sealed, 0, ciphertextLength)).array();
        byte[] tag = ENCODER.encode(ByteBuffer.wrap(sealed, ciphertextLength, TAG_BYTES)).array();
        byte[] out = new byte[h.aad().length + 2 + IV_CHARS + 1 + ciphertext.length + 1 + TAG_CHARS];
        int at = put(h.aad(), out, 0);
        out[at++] = '.';
        out[at++] = '.';
        at = put(ENCODER.encode(iv), out, at);
        out[at++] = '.';
        at = put(ciphertext, out, at);
        out[at++] = '.';
        put(tag, out, at);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * The layout of {@code value} if it is a canonical compact JWE under one of the ring's headers, else
     * {@code null}. Checks only the shape, not the alphabet of the long ciphertext part (decoding does) nor
     * the tag (decryption does); cheap enough to run before a cache lookup.
     */
    Layout layout(String value) {
        int keyIndex = headerIndex(value);
        if (keyIndex < 0) {
            return null;
        }
        int headerEnd = headers[keyIndex].encoded().length();
        // header "." "" "." iv(16) "." ciphertext "." tag(22)
        int ivStart = headerEnd + 2;
        int ivEnd = ivStart + IV_CHARS;
        int tagStart = value.length() - TAG_CHARS;
        int ciphertextStart = ivEnd + 1;
        if (tagStart - 1 <= ciphertextStart
                || value.charAt(headerEnd) != '.' || value.charAt(headerEnd + 1) != '.'
                || value.indexOf('.', ivStart) != ivEnd
                || value.indexOf('.', ciphertextStart) != tagStart - 1
                || value.indexOf('.', tagStart) >= 0
                || !canonicalEnd(value, ivStart, ivEnd)
                || !canonicalEnd(value, ciphertextStart, tagStart - 1)
                || !canonicalEnd(value, tagStart, value.length())) {
            return null;
        }
        return new Layout(keyIndex, ivStart, ciphertextStart, tagStart);
    }

    /** Decrypts a value of canonical {@link #layout}; {@code null} when it does not decode or authenticate. */
    Opened open(String value, Layout at) {
        KeyedHeader h = headers[at.keyIndex()];
        byte[] ascii = value.getBytes(StandardCharsets.ISO_8859_1); // non-Latin-1 becomes '?', which does not decode
        try {
            byte[] iv = decode(ascii, at.ivStart(), at.ciphertextStart() - 1);
            byte[] ciphertext = decode(ascii, at.ciphertextStart(), at.tagStart() - 1);
            byte[] tag = decode(ascii, at.tagStart(), ascii.length);
            if (iv.length != IV_BYTES || tag.length != TAG_BYTES || ciphertext.length == 0) {
                return null;
            }
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, h.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(h.aad());
            byte[] plaintext = new byte[ciphertext.length];
            int n = cipher.update(ciphertext, 0, ciphertext.length, plaintext, 0);
            n += cipher.doFinal(tag, 0, TAG_BYTES, plaintext, n);
            return n == plaintext.length ? new Opened(plaintext, at.keyIndex()) : null;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null; // not base64url, or the tag does not verify: tampered, truncated or foreign
        }
    }

    private int headerIndex(String value) {
        for (int i = 0; i < headers.length; i++) {
            String encoded = headers[i].encoded();
            if (value.startsWith(encoded)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the base64url part {@code [start, end)} is non-empty, has a length a canonical encoding can
     * have, no padding, and zero bits in the last character's unused low bits (RFC 4648 §3.5).
     */
    private static boolean canonicalEnd(String s, int start, int end) {
        int length = end - start;
        if (length <= 0) {
            return false;
        }
        int unusedBits = switch (length & 3) {
            case 0 -> 0;
            case 2 -> 4; // 12 bits for one byte
            case 3 -> 2; // 18 bits for two bytes
            default -> -1; // 6 bits cannot hold a byte
        };
        if (unusedBits < 0) {
            return false;
        }
        int last = sextet(s.charAt(end - 1));
        return last >= 0 && (last & ((1 << unusedBits) - 1)) == 0;
    }

    /** The value of a base64url character, or -1 (this also refuses {@code =}). */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static byte[] decode(byte[] ascii, int start, int end) {
        ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(ascii, start, end - start));
        return decoded.remaining() == decoded.capacity() ? decoded.array()
                : Arrays.copyOf(decoded.array(), decoded.remaining());
    }

    private static int put(byte[] src, byte[] dst, int at) {
        System.arraycopy(src, 0, dst, at, src.length);
        return at + src.length;
    }

    /** The protected header in jjwt 0.13's member order, so existing cookies keep their exact header. */
    private static String headerJson(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("kid", keyId);
            g.writeStringField("cty", "crumb");
            g.writeStringField("alg", "dir");
            g.writeStringField("enc", "A256GCM");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toString();
    }
}
