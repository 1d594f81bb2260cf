package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.NonCanonicalCookies;
import dev.crumb.testsupport.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 #5: only the canonical shape of a cookie opens. Other spellings of a valid cookie, and cookies
 * whose encryption is valid but whose header or lengths are not the one shape Crumb writes, are new
 * visitors.
 */
@DisplayName("The cookie codec accepts only the canonical shape")
class CanonicalCookieTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final CookiePayload PAYLOAD = new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "DE", "de", 1_700_000_000L,
            1_700_000_100L, 3, null, null, null);

    private final CookieKeys keys = CookieKeys.parse(List.of(TestKeys.key(1)), "test");
    private final CookieCodec codec = new CookieCodec(keys, new SecureRandom());
    private final String kid = keys.current().id();
    private final String canonicalHeader = "{\"kid\":\"" + kid + "\",\"cty\":\"crumb\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}";

    @TestFactory
    @DisplayName("another spelling of a valid cookie does not open")
    Stream<DynamicTest> otherSpellings() {
        String valid = codec.seal(PAYLOAD);
        assertThat(codec.open(valid)).isPresent();
        return NonCanonicalCookies.of(valid).entrySet().stream().map(v -> DynamicTest.dynamicTest(v.getKey(), () -> {
            assertThat(codec.mayOpen(v.getValue())).isFalse();
            assertThat(codec.open(v.getValue())).isEmpty();
        }));
    }

    @Test
    @DisplayName("a cookie sealed by hand with the canonical header opens (the other tests here are not vacuous)")
    void handSealedCanonicalOpens() throws Exception {
        assertThat(codec.open(seal(canonicalHeader, 12, 128))).map(CookieCodec.Opened::payload).contains(PAYLOAD);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"KID\",\"cty\":\"crumb\"}",
        "{\"kid\":\"KID\",\"cty\":\"crumb\",\"alg\":\"dir\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}",
        "{\"kid\":\"KID\",\"cty\":\"crumb\",\"alg\":\"dir\",\"enc\":\"A256GCM\",\"crit\":[\"exp\"],\"exp\":1}",
        "{\"kid\":\"KID\",\"cty\":\"crumb\",\"alg\":\"dir\",\"enc\":\"A256GCM\",\"x\":1}",
        "{\"kid\":\"KID\",\"cty\":\"crumb\",\"alg\":\"dir\"}",
        "{\"kid\":\"KID\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}",
        "{\"kid\":\"KID\",\"cty\":\"JWT\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}",
        "{ \"kid\":\"KID\",\"cty\":\"crumb\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}",
        "{\"kid\":\"KID\",\"kid\":\"KID\",\"cty\":\"crumb\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}",
        "{\"kid\":\"AAAAAAAA\",\"cty\":\"crumb\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}",
    })
    @DisplayName("a validly encrypted cookie with any other protected header does not open")
    void otherHeaders(String header) throws Exception {
        String sealed = seal(header.replace("KID", kid), 12, 128);
        assertThat(codec.mayOpen(sealed)).isFalse();
        assertThat(codec.open(sealed)).isEmpty();
    }

    @Test
    @DisplayName("a validly encrypted cookie with a 16-byte IV (22 characters) does not open")
    void longIv() throws Exception {
        assertThat(codec.open(seal(canonicalHeader, 16, 128))).isEmpty();
    }

    @Test
    @DisplayName("a validly encrypted cookie with an 8-byte IV does not open")
    void shortIv() throws Exception {
        assertThat(codec.open(seal(canonicalHeader, 8, 128))).isEmpty();
    }

    @Test
    @DisplayName("a validly encrypted cookie with a 96-bit tag (16 characters) does not open")
    void shortTag() throws Exception {
        assertThat(codec.open(seal(canonicalHeader, 12, 96))).isEmpty();
    }

    @Test
    @DisplayName("four parts, or an empty ciphertext, do not open")
    void missingParts() {
        String[] p = codec.seal(PAYLOAD).split("\\.", -1);
        assertThat(codec.open(p[0] + ".." + p[2] + "." + p[4])).isEmpty();
        assertThat(codec.open(p[0] + ".." + p[2] + ".." + p[4])).isEmpty();
        assertThat(codec.open(p[0] + "..." + p[3] + "." + p[4])).isEmpty();
    }

    /** Seals {@link #PAYLOAD} correctly (AAD = the encoded header) under any header, IV and tag length. */
    private String seal(String headerJson, int ivBytes, int tagBits) throws Exception {
        String header = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[ivBytes];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.current().key().getEncoded(), "AES"),
                new GCMParameterSpec(tagBits, iv));
        cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal(CookiePayloadJson.write(PAYLOAD));
        int tagBytes = tagBits / 8;
        byte[] ciphertext = java.util.Arrays.copyOf(sealed, sealed.length - tagBytes);
        byte[] tag = java.util.Arrays.copyOfRange(sealed, sealed.length - tagBytes, sealed.length);
        return header + ".." + B64.encodeToString(iv) + "." + B64.encodeToString(ciphertext) + "." + B64.encodeToString(tag);
    }
}
