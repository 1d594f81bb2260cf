package dev.crumb.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.NonCanonicalCookies;
import dev.crumb.testsupport.TestKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cache of opened cookies")
class OpenedCookieCacheTest {

    private final CookieCodec codec = new CookieCodec(CookieKeys.parse(List.of(TestKeys.key(1)), "t"), new SecureRandom());
    private final AtomicInteger decryptions = new AtomicInteger();
    private final CookieOpener counting = value -> {
        decryptions.incrementAndGet();
        return codec.open(value);
    };
    private final CookiePayload payload = new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "US", "en", 1, 2, 1, null, null, null);

    @Test
    @DisplayName("decrypts a returning visitor's unchanged cookie once")
    void decryptsOnce() {
        OpenedCookieCache cache = new OpenedCookieCache(counting, 100_000, Duration.ofMinutes(5));
        String value = codec.seal(payload);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.open(value).map(CookieCodec.Opened::payload)).contains(payload);
        }
        assertThat(decryptions.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("never caches what did not open, so garbage cannot evict real visitors")
    void invalidNotCached() {
        OpenedCookieCache cache = new OpenedCookieCache(counting, 100_000, Duration.ofMinutes(5));
        assertThat(cache.open("garbage")).isEmpty();
        assertThat(cache.open("garbage")).isEmpty();
        assertThat(decryptions.get()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    @DisplayName("a tampered copy of a cached cookie is decrypted, and refused, on its own")
    void tamperedCopy() {
        OpenedCookieCache cache = new OpenedCookieCache(counting, 100_000, Duration.ofMinutes(5));
        String value = codec.seal(payload);
        cache.open(value);
        String tampered = value.substring(0, value.length() - 3) + (value.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(cache.open(tampered)).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("a copy that keeps the cached cookie's tag but changes its ciphertext is a different key: decrypted, and refused")
    void sameTagOtherBody() {
        OpenedCookieCache cache = new OpenedCookieCache(counting, 100_000, Duration.ofMinutes(5));
        String value = codec.seal(payload);
        assertThat(cache.open(value)).isPresent();
        int tagStart = value.lastIndexOf('.') + 1;
        assertThat(value.length() - tagStart).isLessThanOrEqualTo(OpenedCookieCache.HASHED_TAIL);
        int inCiphertext = tagStart - 5;
        char flipped = value.charAt(inCiphertext) == 'A' ? 'B' : 'A';
        String forged = value.substring(0, inCiphertext) + flipped + value.substring(inCiphertext + 1);

        OpenedCookieCache.Key original = new OpenedCookieCache.Key(value);
        OpenedCookieCache.Key sameTail = new OpenedCookieCache.Key(forged);
        assertThat(sameTail.hashCode()).isEqualTo(original.hashCode());
        assertThat(sameTail).isNotEqualTo(original);
        assertThat(new OpenedCookieCache.Key(new String(value.toCharArray()))).isEqualTo(original)
                .hasSameHashCodeAs(original);

        assertThat(cache.open(forged)).isEmpty();
        assertThat(decryptions.get()).isEqualTo(2);
        assertThat(cache.open(value)).isPresent();
        assertThat(decryptions.get()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("other spellings of a cached cookie miss it, and are neither decrypted nor cached")
    void nonCanonicalNeverCached() {
        CookieOpener countingCodec = new CookieOpener() {
            @Override
            public Optional<CookieCodec.Opened> open(String value) {
                decryptions.incrementAndGet();
                return codec.open(value);
            }

            @Override
            public boolean mayOpen(String value) {
                return codec.mayOpen(value);
            }
        };
        OpenedCookieCache cache = new OpenedCookieCache(countingCodec, 100_000, Duration.ofMinutes(5));
        String value = codec.seal(payload);
        assertThat(cache.open(value)).isPresent();

        for (String variant : NonCanonicalCookies.of(value).values()) {
            assertThat(cache.open(variant)).as(variant).isEmpty();
        }
        assertThat(decryptions.get()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("stays within its bound, counted in characters of cookie values")
    void bounded() {
        String one = codec.seal(payload);
        OpenedCookieCache cache = new OpenedCookieCache(counting, 10L * one.length(), Duration.ofMinutes(5));
        for (int i = 0; i < 50; i++) {
            cache.open(codec.seal(payload));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
