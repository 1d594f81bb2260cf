package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.testsupport.TestKeys;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cookie key ring")
class CookieKeysTest {

    @Test
    @DisplayName("the first key seals; every key is found by its ID")
    void firstSeals() {
        CookieKeys ring = CookieKeys.parse(List.of(TestKeys.key(1), TestKeys.key(2)), "CRUMB_KEYS");
        assertThat(ring.current().id()).isEqualTo(ring.all().get(0).id());
        assertThat(ring.find(ring.all().get(1).id())).isPresent();
        assertThat(ring.find("unknown")).isEmpty();
    }

    @Test
    @DisplayName("key IDs are derived from the keys, so every server agrees on them")
    void stableIds() {
        String a = CookieKeys.parse(List.of(TestKeys.key(1)), "x").current().id();
        String b = CookieKeys.parse(List.of(TestKeys.key(1)), "y").current().id();
        String c = CookieKeys.parse(List.of(TestKeys.key(2)), "x").current().id();
        assertThat(a).isEqualTo(b).isNotEqualTo(c).hasSize(8);
    }

    @Test
    @DisplayName("a 24-byte key is refused with a message that names the entry and how to make a good one")
    void shortKey() {
        String short24 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[24]);
        assertThatThrownBy(() -> CookieKeys.parse(List.of(TestKeys.key(1), short24), "CRUMB_KEYS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CRUMB_KEYS entry 2 is 24 bytes; keys must be 32 bytes of base64url — generate one with "
                        + "`java -jar crumb-jetty-demo.jar --new-key`");
    }

    @Test
    @DisplayName("text that is not base64url, an empty list and a repeated key are refused")
    void otherMistakes() {
        assertThatThrownBy(() -> CookieKeys.parse(List.of("not base64!"), "keys")).hasMessageContaining("entry 1 is not base64url");
        assertThatThrownBy(() -> CookieKeys.parse(List.of(), "keys")).hasMessageContaining("holds no key");
        assertThatThrownBy(() -> CookieKeys.parse(List.of(TestKeys.key(3), TestKeys.key(3)), "keys"))
                .hasMessageContaining("entry 2 repeats");
    }

    @Test
    @DisplayName("padded base64url keys are accepted too")
    void padding() {
        String padded = Base64.getUrlEncoder().encodeToString(new byte[32]);
        assertThat(CookieKeys.parse(List.of(padded), "keys").all()).hasSize(1);
    }
}
