package dev.crumb.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Referrer hosts")
class ReferrerHostsTest {

    /** One instance for the class, so that later cases answer from what earlier ones remembered. */
    private static final ReferrerHosts REMEMBERING = new ReferrerHosts();

    /**
     * {@link ReferrerHosts#external}, once it is known that the tracker's path ({@link ReferrerHosts#referral} of a
     * remembering instance, asked twice) gives the same answer.
     */
    private static String external(String referer, String requestHost) {
        String expected = ReferrerHosts.external(referer, requestHost);
        for (int ask = 0; ask < 2; ask++) {
            assertThat(REMEMBERING.referral(referer, requestHost).externalHost()).as("referral of %s", referer)
                    .isEqualTo(expected);
        }
        return expected;
    }

    @Test
    @DisplayName("an external http(s) referrer is kept as its lower-case host only")
    void externalHost() {
        assertThat(external("https://News.Example.COM:8443/a/b?q=secret#x", "shop.test")).isEqualTo("news.example.com");
        assertThat(external("http://user:pw@search.test/", "shop.test")).isEqualTo("search.test");
        assertThat(external("https://example.org./", "shop.test")).isEqualTo("example.org");
        assertThat(external("http://192.168.1.5/x", "shop.test")).isEqualTo("192.168.1.5");
        assertThat(external("http://[2001:DB8::1]:8080/x", "shop.test")).isEqualTo("[2001:db8::1]");
    }

    @Test
    @DisplayName("internationalised names are accepted in Unicode or punycode and kept in Unicode")
    void idn() {
        assertThat(external("https://bücher.example/", "shop.test")).isEqualTo("bücher.example");
        assertThat(external("https://xn--bcher-kva.example/", "shop.test")).isEqualTo("bücher.example");
    }

    @Test
    @DisplayName("the site's own host, with or without port or case differences, is no referrer")
    void ownHost() {
        assertThat(external("https://Shop.Test:8443/previous", "shop.test")).isNull();
        assertThat(external("http://127.0.0.1:8080/a", "127.0.0.1")).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {"android-app://com.google.android.gm/", "ftp://example.com/", "javascript:alert(1)",
            "//example.com/", "example.com", "https://", "https:///path", "https://exa mple.com/", "https://ex<a>.com/",
            "https://-bad-.com/", "https://a..b/", "https://example.com:80x/", "data:text/html,hi"})
    @DisplayName("anything but a valid http(s) URL with a host gives no referrer")
    void invalid(String referer) {
        assertThat(external(referer, "shop.test")).isNull();
    }

    @Test
    @DisplayName("host names longer than 253 characters are refused")
    void tooLong() {
        String label = "a".repeat(60);
        String host = String.join(".", label, label, label, label, label, "com");
        assertThat(host.length()).isGreaterThan(253);
        assertThat(external("https://" + host + "/", "shop.test")).isNull();
        String ok = String.join(".", label, label, label, "com");
        assertThat(external("https://" + ok + "/", "shop.test")).isEqualTo(ok);
    }
}
