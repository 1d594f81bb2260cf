package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.testsupport.NonCanonicalCookies;
import dev.crumb.testsupport.TestKeys;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link CookieCodec} against jjwt, an independent implementation of the same compact JWE: each opens
 * what the other seals, and both refuse a cookie whose bytes were changed. jjwt opens some other
 * spellings of the same bytes (issue 17 #5); Crumb refuses those, and jjwt can only read the same
 * payload from them, never another one.
 */
@Label("The cookie codec and jjwt")
class JjwtInteropPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookieKeys ring = CookieKeys.parse(List.of(TestKeys.key(1), TestKeys.key(2)), "test");
    private final CookieCodec codec = new CookieCodec(ring, new SecureRandom());
    private final SecureRandom random = new SecureRandom();

    @Property(tries = 300)
    @Label("jjwt opens what the codec seals, to the same payload")
    void codecToJjwt(@ForAll("payloads") CookiePayload payload) throws Exception {
        String sealed = codec.seal(payload);

        byte[] plaintext = jjwt(ring.current().key()).parseEncryptedContent(sealed).getPayload();

        assertThat(CookiePayloadJson.read(plaintext, 0, plaintext.length)).isEqualTo(payload);
        JsonNode json = JSON.readTree(plaintext); // the payload is plain JSON to any reader
        assertThat(json.get("i").asText()).isEqualTo(payload.visitorId());
        assertThat(json.get("n").asInt()).isEqualTo(payload.visit());
    }

    @Property(tries = 300)
    @Label("the codec opens what jjwt seals, to the same payload, with the same header")
    void jjwtToCodec(@ForAll("payloads") CookiePayload payload, @ForAll boolean olderKey) {
        CookieKeys.NamedKey key = olderKey ? ring.all().get(1) : ring.current();
        String sealed = jjwtSeal(payload, key);

        Optional<CookieCodec.Opened> opened = codec.open(sealed);

        assertThat(opened).isPresent();
        assertThat(opened.get().payload()).isEqualTo(payload);
        assertThat(opened.get().sealedWithOlderKey()).isEqualTo(olderKey);
        if (!olderKey) {
            assertThat(header(sealed)).isEqualTo(header(codec.seal(payload)));
        }
    }

    @Property(tries = 400)
    @Label("a bit flipped in the header, IV, ciphertext or tag is refused by both")
    void bitFlipRefusedByBoth(@ForAll("payloads") CookiePayload payload, @ForAll @IntRange(min = 0, max = 4) int part,
                              @ForAll @IntRange(min = 0, max = 100_000) int bit) {
        if (part == 1) {
            part = 0; // the key part is empty: nothing to flip
        }
        String[] parts = codec.seal(payload).split("\\.", -1);
        byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
        int at = bit % (bytes.length * 8);
        bytes[at / 8] ^= (byte) (1 << (at % 8));
        parts[part] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String tampered = String.join(".", parts);

        assertThat(codec.open(tampered)).isEmpty();
        assertThat(jjwtOpens(tampered)).isEmpty();
    }

    @Property(tries = 100)
    @Label("a header naming another key of the ring, or an unknown key, is refused by both")
    void otherKidRefusedByBoth(@ForAll("payloads") CookiePayload payload, @ForAll boolean unknownKid) {
        String[] parts = codec.seal(payload).split("\\.", -1);
        String kid = unknownKid ? "AAAAAAAA" : ring.all().get(1).id();
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replace(ring.current().id(), kid);
        parts[0] = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        String tampered = String.join(".", parts);

        assertThat(codec.open(tampered)).isEmpty();
        assertThat(jjwtOpens(tampered)).isEmpty();
    }

    @Property(tries = 300)
    @Label("any one character changed: refused by the codec; jjwt either refuses or reads the very same payload")
    void charChanged(@ForAll("payloads") CookiePayload payload, @ForAll @IntRange(min = 0, max = 100_000) int position,
                     @ForAll("base64urlOrDot") char replacement) {
        String sealed = codec.seal(payload);
        int i = position % sealed.length();
        if (sealed.charAt(i) == replacement) {
            return;
        }
        String tampered = sealed.substring(0, i) + replacement + sealed.substring(i + 1);

        assertThat(codec.open(tampered)).isEmpty();
        jjwtOpens(tampered).ifPresent(p -> assertThat(p).isEqualTo(payload));
    }

    @Property(tries = 60)
    @Label("non-canonical spellings (key part, padding, unused bits, sixth part) are refused by the codec; jjwt reads at most the same payload")
    void nonCanonicalRefused(@ForAll("payloads") CookiePayload payload) {
        String sealed = codec.seal(payload);
        for (Map.Entry<String, String> variant : NonCanonicalCookies.of(sealed).entrySet()) {
            assertThat(codec.open(variant.getValue())).as(variant.getKey()).isEmpty();
            assertThat(codec.mayOpen(variant.getValue())).as(variant.getKey()).isFalse();
            jjwtOpens(variant.getValue()).ifPresent(p -> assertThat(p).as(variant.getKey()).isEqualTo(payload));
        }
    }

    @Provide
    Arbitrary<CookiePayload> payloads() {
        return CookiePayloads.any();
    }

    @Provide
    Arbitrary<Character> base64urlOrDot() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=".toCharArray());
    }

    /** jjwt locked to what Crumb writes, as the codec was configured before it was replaced. */
    private static JwtParser jjwt(SecretKey key) {
        return Jwts.parser().key().clear().add(Jwts.KEY.DIRECT).and()
                .enc().clear().add(Jwts.ENC.A256GCM).and().zip().clear().and()
                .decryptWith(key).build();
    }

    /** Opens with jjwt and the ring's sealing key, as the former codec did for a current-key cookie. */
    private Optional<CookiePayload> jjwtOpens(String value) {
        try {
            byte[] plaintext = jjwt(ring.current().key()).parseEncryptedContent(value).getPayload();
            return Optional.of(CookiePayloadJson.read(plaintext, 0, plaintext.length));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Seals exactly as the former jjwt-based codec did. */
    private String jjwtSeal(CookiePayload payload, CookieKeys.NamedKey key) {
        return Jwts.builder()
                .random(random)
                .header().keyId(key.id()).and()
                .content(CookiePayloadJson.write(payload), "crumb")
                .encryptWith(key.key(), Jwts.ENC.A256GCM)
                .compact();
    }

    private static String header(String sealed) {
        return sealed.substring(0, sealed.indexOf('.'));
    }
}
