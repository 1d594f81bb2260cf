package dev.crumb.bench.jmh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.internal.cookie.CookiePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A sketch, for measurement only, of what opening Crumb's cookie costs without a general JOSE library:
 * the cookie is always a compact JWE with {@code dir}, {@code A256GCM} and a key ID, so its protected
 * header is one fixed string per key and can be matched as text instead of parsed as JSON; the rest is
 * base64url, one AES-GCM decryption with the header as AAD (RFC 7516 §5.2) and the payload binding.
 * It opens the tokens {@code CookieCodec.seal} writes today. Not hardened, not used by Crumb: it shows
 * the lead what the core codec could reach (see {@code docs/performance.md}).
 */
final class DirectJweSketch {

    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no AES-GCM", e);
        }
    });

    private final Map<String, SecretKey> keyByHeader;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** @param keyByHeader each key of the ring under the exact base64url protected header it seals with */
    DirectJweSketch(Map<String, SecretKey> keyByHeader) {
        this.keyByHeader = Map.copyOf(keyByHeader);
    }

    /** The payload, or {@code null} for anything that is not a cookie of this ring. */
    CookiePayload open(String token) {
        int d1 = token.indexOf('.');
        if (d1 < 0 || d1 + 1 >= token.length() || token.charAt(d1 + 1) != '.') {
            return null; // dir: the encrypted-key part is empty
        }
        int d2 = d1 + 1;
        int d3 = token.indexOf('.', d2 + 1);
        int d4 = d3 < 0 ? -1 : token.indexOf('.', d3 + 1);
        if (d4 < 0 || token.indexOf('.', d4 + 1) >= 0) {
            return null;
        }
        String header = token.substring(0, d1);
        SecretKey key = keyByHeader.get(header);
        if (key == null) {
            return null;
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] iv = b64.decode(token.substring(d2 + 1, d3));
            byte[] ciphertext = b64.decode(token.substring(d3 + 1, d4));
            byte[] tag = b64.decode(token.substring(d4 + 1));
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tag.length * 8, iv));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = new byte[ciphertext.length + tag.length];
            System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
            System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
            return json.readValue(cipher.doFinal(sealed), CookiePayload.class);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
