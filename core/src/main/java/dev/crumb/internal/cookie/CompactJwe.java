package dev.crumb.internal.cookie;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
    private static final int IV_CHARS = 16;
    /** Characters of a 16-byte tag in unpadded base64url. */
    private static final int TAG_CHARS = 22;

    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;

    /** A JCA {@code Cipher} costs a provider lookup to create; one per thread is reused, re-initialised per use. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no AES/GCM/NoPadding; Crumb needs it for its cookie", e);
        }
    });

    /**
     * Each thread's buffer for the ciphertext and tag of the cookie it seals or opens, grown to the largest it has
     * met: a full cookie's 3 KB are encrypted into it and encoded from it, or decoded into it and decrypted in
     * place, instead of an array allocated and zeroed per cookie.
     */
    private static final ThreadLocal<byte[]> SEALED = ThreadLocal.withInitial(() -> new byte[512]);

    /** A key of the ring with its protected header, precomputed once. */
    record KeyedHeader(SecretKey key, String encoded, byte[] aad) {
    }

    /** Where the parts of a canonical value are, and which key's header it carries. */
    record Layout(int keyIndex, int ivStart, int ciphertextStart, int tagStart) {
    }

    /**
     * A decrypted value: the plaintext (the first {@code length} bytes) and the ring index of the key that opened it.
     * The plaintext lies in this thread's buffer: read it before the thread opens or seals another cookie.
     */
    record Opened(byte[] plaintext, int length, int keyIndex) {
    }

    private final KeyedHeader[] headers;

    /** @param keys the ring, sealing key first; each key's header is computed here, once */
    CompactJwe(List<CookieKeys.NamedKey> keys) {
        headers = new KeyedHeader[keys.size()];
        for (int i = 0; i < headers.length; i++) {
            CookieKeys.NamedKey k = keys.get(i);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(headerJson(k.id()).getBytes(StandardCharsets.UTF_8));
            // RFC 7516 §5.1 step 14: the AAD is the ASCII of the encoded protected header.
            headers[i] = new KeyedHeader(k.key(), encoded, encoded.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Encrypts the first {@code length} bytes of {@code plaintext} with the key at {@code keyIndex} (0: the
     * sealing key) under a fresh IV from {@code random}.
     */
    String seal(byte[] plaintext, int length, int keyIndex, SecureRandom random) {
        KeyedHeader h = headers[keyIndex];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = buffer(length + TAG_BYTES);
        int sealedLength;
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, h.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(h.aad());
            sealedLength = cipher.doFinal(plaintext, 0, length, sealed, 0); // ciphertext, then the tag
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a valid key and IV; the JVM's crypto provider is broken", e);
        }
        int ciphertextLength = sealedLength - TAG_BYTES;
        byte[] out = new byte[h.aad().length + 2 + IV_CHARS + 1 + Base64Url.encodedLength(ciphertextLength) + 1 + TAG_CHARS];
        int at = put(h.aad(), out, 0);
        out[at++] = '.';
        out[at++] = '.';
        at = Base64Url.encode(iv, 0, IV_BYTES, out, at);
        out[at++] = '.';
        at = Base64Url.encode(sealed, 0, ciphertextLength, out, at);
        out[at++] = '.';
        Base64Url.encode(sealed, ciphertextLength, TAG_BYTES, out, at);
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
                || !Base64Url.canonicalEnd(value, ivStart, ivEnd)
                || !Base64Url.canonicalEnd(value, ciphertextStart, tagStart - 1)
                || !Base64Url.canonicalEnd(value, tagStart, value.length())) {
            return null;
        }
        return new Layout(keyIndex, ivStart, ciphertextStart, tagStart);
    }

    /** Decrypts a value of canonical {@link #layout}; {@code null} when it does not decode or authenticate. */
    Opened open(String value, Layout at) {
        KeyedHeader h = headers[at.keyIndex()];
        int ciphertextEnd = at.tagStart() - 1;
        int ciphertextBytes = Base64Url.decodedLength(ciphertextEnd - at.ciphertextStart());
        byte[] iv = new byte[IV_BYTES];
        // Ciphertext and tag decoded straight into one buffer, the layout AES-GCM decrypts from: this thread's,
        // which the plaintext left in it shares until the thread's next open or seal (see Opened).
        byte[] sealed = buffer(ciphertextBytes + TAG_BYTES);
        if (Base64Url.decode(value, at.ivStart(), at.ciphertextStart() - 1, iv, 0) != IV_BYTES
                || Base64Url.decode(value, at.ciphertextStart(), ciphertextEnd, sealed, 0) != ciphertextBytes
                || Base64Url.decode(value, at.tagStart(), value.length(), sealed, ciphertextBytes) != TAG_BYTES) {
            return null; // a character outside base64url
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, h.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(h.aad());
            int n = cipher.doFinal(sealed, 0, ciphertextBytes + TAG_BYTES, sealed, 0); // in place: plaintext first
            return new Opened(sealed, n, at.keyIndex());
        } catch (GeneralSecurityException e) {
            return null; // the tag does not verify: tampered, truncated or sealed with another key
        }
    }

    /** This thread's buffer for a cookie's ciphertext and tag, at least {@code length} bytes long. */
    private static byte[] buffer(int length) {
        byte[] kept = SEALED.get();
        if (kept.length < length) {
            kept = new byte[Math.max(length, kept.length * 2)];
            SEALED.set(kept);
        }
        return kept;
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

    private static int put(byte[] src, byte[] dst, int at) {
        System.arraycopy(src, 0, dst, at, src.length);
        return at + src.length;
    }

    /** The protected header in jjwt 0.13's member order, so existing cookies keep their exact header. */
    private static String headerJson(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        JsonWriter out = new JsonWriter();
        out.beginObject();
        out.name("kid");
        out.string(keyId);
        out.name("cty");
        out.string("crumb");
        out.name("alg");
        out.string("dir");
        out.name("enc");
        out.string("A256GCM");
        out.endObject();
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
