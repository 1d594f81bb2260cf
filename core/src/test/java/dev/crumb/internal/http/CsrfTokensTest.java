package dev.crumb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.TestKeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CSRF tokens")
class CsrfTokensTest {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final CsrfTokens tokens = new CsrfTokens(CookieKeys.parse(List.of(TestKeys.key(1)), "t"), clock, Duration.ofHours(2));

    @Test
    @DisplayName("are valid for the visitor they were issued to")
    void valid() {
        assertThat(tokens.valid("visitor-a", tokens.issue("visitor-a"))).isTrue();
    }

    @Test
    @DisplayName("are worthless for another visitor")
    void boundToVisitor() {
        assertThat(tokens.valid("visitor-b", tokens.issue("visitor-a"))).isFalse();
    }

    @Test
    @DisplayName("expire after their lifetime")
    void expire() {
        String token = tokens.issue("visitor-a");
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(tokens.valid("visitor-a", token)).isFalse();
    }

    @Test
    @DisplayName("survive a key rotation while the old key is in the ring, not after")
    void rotation() {
        String token = tokens.issue("visitor-a");
        CsrfTokens rotated = new CsrfTokens(CookieKeys.parse(List.of(TestKeys.key(2), TestKeys.key(1)), "t"), clock, Duration.ofHours(2));
        CsrfTokens retired = new CsrfTokens(CookieKeys.parse(List.of(TestKeys.key(2)), "t"), clock, Duration.ofHours(2));
        assertThat(rotated.valid("visitor-a", token)).isTrue();
        assertThat(retired.valid("visitor-a", token)).isFalse();
    }

    @Test
    @DisplayName("for a browser without the cookie, a token of this site counts only on a same-origin request")
    void cookielessProof() {
        String token = tokens.issue("id-on-the-form-page");
        assertThat(tokens.valid("id-of-the-cookieless-post", token, true)).isTrue();
        assertThat(tokens.valid("id-of-the-cookieless-post", token, false)).isFalse();
        clock.advance(Duration.ofHours(3));
        assertThat(tokens.valid("id-of-the-cookieless-post", token, true)).isFalse();
    }

    @Test
    @DisplayName("a forged token carries no valid proof, whatever the request shows")
    void forgedCookieless() {
        CsrfTokens otherSite = new CsrfTokens(CookieKeys.parse(List.of(TestKeys.key(5)), "t"), clock, Duration.ofHours(2));
        assertThat(tokens.valid("x", otherSite.issue("x"), true)).isFalse();
    }

    @Test
    @DisplayName("garbage, null and oversized tokens are simply invalid")
    void garbage() {
        assertThat(tokens.valid("visitor-a", null)).isFalse();
        assertThat(tokens.valid("visitor-a", "")).isFalse();
        assertThat(tokens.valid("visitor-a", "!!!")).isFalse();
        assertThat(tokens.valid("visitor-a", "A".repeat(10_000))).isFalse();
        assertThat(tokens.valid(null, tokens.issue("visitor-a"))).isFalse();
    }
}
