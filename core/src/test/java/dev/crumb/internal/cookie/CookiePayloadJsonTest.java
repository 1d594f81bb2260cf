package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The cookie payload's JSON")
class CookiePayloadJsonTest {

    private static final CookiePayload FULL = new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "DE", "de", 10, 20, 3,
            new CookiePayload.StoredConsent(6, 2, 15, 1), Map.of("name", "Ada \"\\ \u00e9\u0001"), true);

    @Test
    @DisplayName("uses the one-letter names the jjwt-era codec wrote, leaving out absent fields")
    void names() {
        CookiePayload typical = new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "US", "en", 1, 2, 1, null, null, null);
        assertThat(new String(CookiePayloadJson.write(typical), StandardCharsets.UTF_8))
                .isEqualTo("{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1}");
    }

    @Test
    @DisplayName("reads back every field it writes")
    void roundTrip() throws IOException {
        byte[] json = CookiePayloadJson.write(FULL);
        assertThat(CookiePayloadJson.read(json, 0, json.length)).isEqualTo(FULL);
    }

    @Test
    @DisplayName("skips names it does not know, nested or not, so a newer Crumb can add fields")
    void unknownNamesSkipped() throws IOException {
        String json = "{\"z\":{\"a\":[1,{\"b\":null}]},\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\","
                + "\"f\":1,\"s\":2,\"n\":1,\"k\":{\"g\":1,\"q\":\"new\",\"r\":2,\"t\":3,\"s\":0},\"y\":true}";
        CookiePayload read = read(json);
        assertThat(read.visitorId()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(read.consent()).isEqualTo(new CookiePayload.StoredConsent(1, 2, 3, 0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[]",
        "null",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":\"1\"}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1.5}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":99999999999}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":01}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":99999999999999999999,\"n\":1}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1,\"z\":[1,}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1,\"z\":{\"a\"}}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":null,\"s\":2,\"n\":1}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1,\"d\":{\"a\":1}}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1,\"x\":\"yes\"}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1} {}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1",
    })
    @DisplayName("refuses anything that is not one object of the expected types")
    void malformed(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1}",
        "{\"i\":\"short\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"l\":\"en\",\"f\":1,\"s\":2,\"n\":1}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":1,\"s\":2}",
        "{\"i\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"c\":\"US\",\"l\":\"en\",\"f\":3,\"s\":2,\"n\":1}",
    })
    @DisplayName("refuses well-typed values that are not a valid payload")
    void invalid(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    }

    private static CookiePayload read(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return CookiePayloadJson.read(bytes, 0, bytes.length);
    }
}
