package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.TestKeys;
import java.security.SecureRandom;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("Cookie values, whatever they hold")
class CookieValuePropertiesTest {

    private final CookieCodec codec = new CookieCodec(CookieKeys.parse(List.of(TestKeys.key(1)), "t"), new SecureRandom());
    private final String valid = codec.seal(new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "US", "en", 1, 2, 1, null, null, null));

    @Property(tries = 500)
    @Label("arbitrary strings never throw and never open")
    void arbitraryStringsNeverOpen(@ForAll String value) {
        assertThat(codec.open(value)).isEmpty();
    }

    @Property(tries = 500)
    @Label("JWE-shaped strings of base64url parts never throw and never open")
    void jweShapedNeverOpen(@ForAll("jweShaped") String value) {
        assertThat(codec.open(value)).isEmpty();
    }

    @Property(tries = 300)
    @Label("a valid cookie with one character changed either opens unchanged or not at all")
    void mutatedValidCookie(@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll("base64url") char replacement) {
        int i = position % valid.length();
        String mutated = valid.substring(0, i) + replacement + valid.substring(i + 1);
        codec.open(mutated).ifPresent(o -> assertThat(o.payload().visitorId()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Property(tries = 200)
    @Label("truncating a valid cookie anywhere never opens")
    void truncated(@ForAll @IntRange(min = 0, max = 10_000) int cut) {
        int at = cut % valid.length();
        assertThat(codec.open(valid.substring(0, at))).isEmpty();
    }

    @Provide
    Arbitrary<String> jweShaped() {
        Arbitrary<String> part = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMaxLength(80);
        return part.list().ofSize(5).map(parts -> String.join(".", parts));
    }

    @Provide
    Arbitrary<Character> base64url() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".toCharArray());
    }
}
