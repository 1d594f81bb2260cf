package dev.crumb.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading Set-Cookie values written by applications")
class SetCookieValuesTest {

    @Test
    @DisplayName("the name is the text before the first '='; without one it is empty, as browsers treat it")
    void names() {
        assertThat(SetCookieValues.name("tracker=v; Path=/")).isEqualTo("tracker");
        assertThat(SetCookieValues.name("  _ga_1 = v")).isEqualTo("_ga_1");
        assertThat(SetCookieValues.name("a=b=c")).isEqualTo("a");
        assertThat(SetCookieValues.name("justavalue")).isEmpty();
        assertThat(SetCookieValues.name("5")).isEmpty();
        assertThat(SetCookieValues.name(null)).isEmpty();
    }

    @Test
    @DisplayName("the issue's examples: the last Max-Age wins, Max-Age beats Expires, an old Expires alone deletes")
    void browserReading() {
        java.time.Instant now = java.time.Instant.parse("2026-11-30T10:00:00Z");
        assertThat(SetCookieValues.deletes("x=v; Max-Age=0; Max-Age=31536000", now)).isFalse();
        assertThat(SetCookieValues.deletes("x=v; Max-Age=31536000; Max-Age=0", now)).isTrue();
        assertThat(SetCookieValues.deletes("x=v; Max-Age=0; Max-Age=junk", now)).isTrue();
        assertThat(SetCookieValues.deletes("x=v; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60", now)).isFalse();
        assertThat(SetCookieValues.deletes("x=v; Expires=Thu, 01 Jan 1970 00:00:00 GMT", now)).isTrue();
        assertThat(SetCookieValues.deletes("x=v; Expires=Fri, 31 Dec 2100 00:00:00 GMT", now)).isFalse();
        assertThat(SetCookieValues.deletes("x=v; Expires=Mon, 30 Nov 2026 09:00:00 GMT", now)).isFalse();
        assertThat(SetCookieValues.deletes("x=v;\tMAX-AGE\t=\t0 ", now)).isTrue();
        assertThat(SetCookieValues.deletes("x=v; Max-Age=0\u0001", now)).isFalse();
    }

    @Test
    @DisplayName("Max-Age of zero or less deletes; anything else stores")
    void deletions() {
        assertThat(SetCookieValues.deletes("x=; Max-Age=0; Path=/")).isTrue();
        assertThat(SetCookieValues.deletes("x=; max-age=-1")).isTrue();
        assertThat(SetCookieValues.deletes("x=v; Max-Age=60")).isFalse();
        assertThat(SetCookieValues.deletes("x=v; Max-Age=0x")).isFalse();
        assertThat(SetCookieValues.deletes("x=Max-Age=0")).isFalse();
        assertThat(SetCookieValues.deletes("x=v")).isFalse();
    }

    @Test
    @DisplayName("deletion headers use Path and add Secure for __Secure- and __Host- names")
    void deletionHeaders() {
        assertThat(SetCookieValues.deletion("cart", "/shop")).startsWith("cart=; Max-Age=0;").contains("Path=/shop")
                .doesNotContain("Secure");
        assertThat(SetCookieValues.deletion("__Host-x", "/")).endsWith("; Secure");
    }

    @Test
    @DisplayName("names that could inject into a log line are not logged as they are")
    void loggable() {
        assertThat(SetCookieValues.loggable("tracker")).isEqualTo("tracker");
        assertThat(SetCookieValues.loggable("a\nb")).isEqualTo("(unprintable name)");
        assertThat(SetCookieValues.loggable("")).isEqualTo("(unprintable name)");
    }
}
