package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.TestKeys;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cookie codec")
class CookieCodecTest {

    private static final CookiePayload PAYLOAD = new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "DE", "de", 1_700_000_000L,
            1_700_000_100L, 3, new CookiePayload.StoredConsent(0b0110, 2, 1_700_000_050L, 0), Map.of("name", "Ada"), true);

    private final CookieCodec codec = codec(TestKeys.key(1));

    private static CookieCodec codec(String... keys) {
        return new CookieCodec(CookieKeys.parse(List.of(keys), "test"), new SecureRandom());
    }

    @Test
    @DisplayName("opens what it sealed, with every field intact")
    void roundTrip() {
        var opened = codec.open(codec.seal(PAYLOAD));
        assertThat(opened).isPresent();
        assertThat(opened.get().payload()).isEqualTo(PAYLOAD);
        assertThat(opened.get().sealedWithOlderKey()).isFalse();
    }

    @Test
    @DisplayName("seals small and large payloads one after the other on one thread, each opening to itself")
    void reusesItsBufferAcrossSizes() {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            form.put("field" + i, "value " + i + " ".repeat(40) + "é€");
        }
        CookiePayload large = new CookiePayload("BBBBBBBBBBBBBBBBBBBBBB", "FR", "fr", 1_700_000_000L, 1_700_000_100L, 7,
                PAYLOAD.consent(), form, true);
        List<CookiePayload> order = List.of(PAYLOAD, large, PAYLOAD, large, large, PAYLOAD);
        List<String> sealed = order.stream().map(codec::seal).toList();

        for (int i = 0; i < order.size(); i++) {
            assertThat(codec.open(sealed.get(i))).as("cookie %d", i).get()
                    .extracting(CookieCodec.Opened::payload).isEqualTo(order.get(i));
        }
        assertThat(sealed.get(0).length()).isLessThan(sealed.get(1).length() / 4);
    }

    @Test
    @DisplayName("seals the same payload differently every time (random IV)")
    void randomIv() {
        assertThat(codec.seal(PAYLOAD)).isNotEqualTo(codec.seal(PAYLOAD));
    }

    @Test
    @DisplayName("a flipped character anywhere means no cookie")
    void tamperAnywhere() {
        String sealed = codec.seal(PAYLOAD);
        for (int i = 0; i < sealed.length(); i++) {
            char c = sealed.charAt(i);
            if (c == '.') {
                continue;
            }
            char flipped = c == 'A' ? 'B' : 'A';
            String tampered = sealed.substring(0, i) + flipped + sealed.substring(i + 1);
            var opened = codec.open(tampered);
            // A change in base64 padding bits can decode to the same bytes; then the payload is unchanged.
            opened.ifPresent(o -> assertThat(o.payload()).isEqualTo(PAYLOAD));
        }
    }

    @Test
    @DisplayName("a cookie of another key ring means no cookie")
    void foreignKey() {
        assertThat(codec(TestKeys.key(9)).open(codec.seal(PAYLOAD))).isEmpty();
    }

    @Test
    @DisplayName("an older key that is still in the ring opens, and says so")
    void olderKey() {
        CookieCodec rotated = codec(TestKeys.key(2), TestKeys.key(1));
        var opened = rotated.open(codec.seal(PAYLOAD));
        assertThat(opened).isPresent();
        assertThat(opened.get().sealedWithOlderKey()).isTrue();
    }

    @Test
    @DisplayName("an unsecured token (alg none) means no cookie")
    void algNone() {
        String header = b64("{\"alg\":\"none\"}");
        String body = b64("{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":1,\"n\":1}");
        assertThat(codec.open(header + "." + body + ".")).isEmpty();
    }

    @Test
    @DisplayName("oversized, empty and null values mean no cookie")
    void sizes() {
        assertThat(codec.open("x".repeat(CookieCodec.MAX_VALUE_LENGTH + 1))).isEmpty();
        assertThat(codec.open("")).isEmpty();
        assertThat(codec.open(null)).isEmpty();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
