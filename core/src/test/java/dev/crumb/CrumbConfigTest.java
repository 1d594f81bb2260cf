package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.testsupport.TestKeys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crumb's configuration")
class CrumbConfigTest {

    @Test
    @DisplayName("has the documented defaults")
    void defaults() {
        CrumbConfig c = CrumbConfig.builder().keys(TestKeys.key(1)).build();
        assertThat(c.cookie().name()).isEqualTo("crumb");
        assertThat(c.cookie().effectiveName()).isEqualTo("crumb");
        assertThat(c.cookie().maxAge()).isEqualTo(Duration.ofDays(396));
        assertThat(c.cookie().lifetime()).isEqualTo(java.time.Period.ofMonths(13));
        assertThat(c.consent().maxAge()).isEqualTo(java.time.Period.ofMonths(6));
        assertThat(c.tracking().visitRetention()).isEqualTo(java.time.Period.ofMonths(25));
        assertThat(c.consent().logRetention()).isEqualTo(java.time.Period.ofYears(5));
        assertThat(c.consent().controllerName()).isNull();
        assertThat(c.consent().privacyPolicyUrl()).isNull();
        assertThat(c.cookie().visitTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.cookie().lastSeenRefresh()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.pathPrefix()).isEqualTo("/crumb");
        assertThat(c.locale().countryHeader()).isNull();
        assertThat(c.locale().defaultCountry()).isEqualTo("ZZ");
        assertThat(c.locale().defaultLanguage()).isEqualTo("en");
        assertThat(c.cookie().alwaysSecure()).isFalse();
        assertThat(c.cookie().partitioned()).isFalse();
    }

    @Test
    @DisplayName("needs keys, and says how to make one")
    void needsKeys() {
        assertThatThrownBy(() -> CrumbConfig.builder().build()).hasMessageContaining("java -jar crumb-core.jar new-key");
        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(n -> null, Map.of())).hasMessageContaining("CRUMB_KEYS");
    }

    @Test
    @DisplayName("reads every init-param, and keys from CRUMB_KEYS when the init-param is absent")
    void initParams() {
        Map<String, String> params = Map.ofEntries(
                Map.entry("cookie-name", "visitor"), Map.entry("host-prefix", "true"), Map.entry("partitioned", "true"),
                Map.entry("max-age", "P30D"), Map.entry("visit-timeout", "PT45M"), Map.entry("last-seen-refresh", "PT2M"),
                Map.entry("path-prefix", "/_crumb"), Map.entry("country-header", "CF-IPCountry"),
                Map.entry("default-country", "us"), Map.entry("default-language", "DE"), Map.entry("languages", "de, en"));
        CrumbConfig c = CrumbConfig.fromInitParameters(params::get, Map.of("CRUMB_KEYS", TestKeys.key(1) + "," + TestKeys.key(2)));
        assertThat(c.settings().cookie().keys().all()).hasSize(2);
        assertThat(c.cookie().effectiveName()).isEqualTo("__Host-visitor");
        assertThat(c.cookie().alwaysSecure()).isTrue();
        assertThat(c.cookie().partitioned()).isTrue();
        assertThat(c.cookie().maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(c.cookie().visitTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(c.cookie().lastSeenRefresh()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.pathPrefix()).isEqualTo("/_crumb");
        assertThat(c.locale().countryHeader()).isEqualTo("CF-IPCountry");
        assertThat(c.locale().defaultCountry()).isEqualTo("US");
        assertThat(c.locale().defaultLanguage()).isEqualTo("de");
        assertThat(c.locale().languages()).containsExactly("de", "en");
    }

    @Test
    @DisplayName("reads the consent and retention init-params as ISO-8601 periods")
    void consentInitParams() {
        Map<String, String> params = Map.of("consent-max-age", "P3M", "cookie-max-age", "P1Y", "visit-retention", "P2Y",
                "consent-log-retention", "P6Y", "controller-name", " Crumb Office Supply Ltd ",
                "privacy-policy-url", "https://shop.example/privacy");
        CrumbConfig c = CrumbConfig.fromInitParameters(params::get, Map.of("CRUMB_KEYS", TestKeys.key(1)));
        assertThat(c.consent().maxAge()).isEqualTo(java.time.Period.ofMonths(3));
        assertThat(c.cookie().lifetime()).isEqualTo(java.time.Period.ofYears(1));
        assertThat(c.tracking().visitRetention()).isEqualTo(java.time.Period.ofYears(2));
        assertThat(c.consent().logRetention()).isEqualTo(java.time.Period.ofYears(6));
        assertThat(c.consent().controllerName()).isEqualTo("Crumb Office Supply Ltd");
        assertThat(c.consent().privacyPolicyUrl()).isEqualTo("https://shop.example/privacy");
        assertThat(CrumbConfig.fromInitParameters(Map.of("cookie-max-age", "P30D")::get,
                Map.of("CRUMB_KEYS", TestKeys.key(1))).cookie().maxAge()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    @DisplayName("refuses consent and cookie lifetimes above 13 months, and links that are not http(s) or a path")
    void consentRanges() {
        CrumbConfig.Builder b = CrumbConfig.builder();
        assertThatThrownBy(() -> b.consentMaxAge(java.time.Period.ofMonths(14))).hasMessageContaining("consent-max-age")
                .hasMessageContaining("13 months");
        assertThatThrownBy(() -> b.cookieMaxAge(java.time.Period.ofMonths(14))).hasMessageContaining("cookie-max-age");
        assertThatThrownBy(() -> b.cookieMaxAge(java.time.Period.ofDays(-1))).hasMessageContaining("cookie-max-age");
        assertThatThrownBy(() -> b.privacyPolicyUrl("javascript:alert(1)")).hasMessageContaining("privacy-policy-url");
        assertThatThrownBy(() -> b.privacyPolicyUrl("//evil.example/x")).hasMessageContaining("privacy-policy-url");
        assertThatThrownBy(() -> b.controllerName(" ")).hasMessageContaining("controller-name");
        assertThatThrownBy(() -> CrumbConfig.builder().keys(TestKeys.key(1)).visitRetention(java.time.Period.ofMonths(6))
                .build()).hasMessageContaining("visit-retention").hasMessageContaining("cookie-max-age");
        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(Map.of("consent-max-age", "six months")::get,
                Map.of("CRUMB_KEYS", TestKeys.key(1)))).hasMessageContaining("consent-max-age").hasMessageContaining("P6M");
    }

    @Test
    @DisplayName("names the init-param that is wrong")
    void badInitParams() {
        Map<String, String> env = Map.of("CRUMB_KEYS", TestKeys.key(1));
        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(Map.of("visit-timeout", "30 minutes")::get, env))
                .hasMessageContaining("visit-timeout").hasMessageContaining("PT30M");
        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(Map.of("secure", "yes")::get, env))
                .hasMessageContaining("secure must be true or false");
        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(Map.of("default-country", "Germany")::get, env))
                .hasMessageContaining("default-country");
    }

    @Test
    @DisplayName("refuses contradictory options at build time")
    void contradictions() {
        assertThatThrownBy(() -> CrumbConfig.builder().keys(TestKeys.key(1)).hostPrefix(true).domain("example.com").build())
                .hasMessageContaining("host-prefix forbids domain");
        assertThatThrownBy(() -> CrumbConfig.builder().keys(TestKeys.key(1)).visitTimeout(Duration.ofMinutes(5))
                .lastSeenRefresh(Duration.ofMinutes(5)).build()).hasMessageContaining("last-seen-refresh");
        assertThatThrownBy(() -> CrumbConfig.builder().keys(TestKeys.key(1)).languages(java.util.List.of("de")).build())
                .hasMessageContaining("default-language 'en' is not among languages");
    }

    @Test
    @DisplayName("refuses out-of-range values with the option's name")
    void ranges() {
        CrumbConfig.Builder b = CrumbConfig.builder();
        assertThatThrownBy(() -> b.maxAge(Duration.ofDays(500))).hasMessageContaining("max-age");
        assertThatThrownBy(() -> b.visitTimeout(Duration.ofSeconds(10))).hasMessageContaining("visit-timeout");
        assertThatThrownBy(() -> b.cookieName("__Host-x")).hasMessageContaining("cookie-name");
        assertThatThrownBy(() -> b.cookieName("a b")).hasMessageContaining("cookie-name");
        assertThatThrownBy(() -> b.pathPrefix("crumb")).hasMessageContaining("path-prefix");
        assertThatThrownBy(() -> b.countryHeader("X:Y")).hasMessageContaining("country-header");
    }

    @Test
    @DisplayName("cookie-path defaults to the context path, accepts a path, refuses garbage and a non-root __Host- cookie")
    void cookiePath() {
        assertThat(CrumbConfig.builder().keys(TestKeys.key(1)).build().cookie().path()).isNull();
        assertThat(CrumbConfig.fromInitParameters(Map.of("keys", TestKeys.key(1), "cookie-path", "/shop")::get, Map.of())
                .cookie().path()).isEqualTo("/shop");
        assertThatThrownBy(() -> CrumbConfig.builder().keys(TestKeys.key(1)).cookiePath("shop; Domain=evil"))
                .hasMessageContaining("cookie-path must be a path");
        assertThatThrownBy(() -> CrumbConfig.builder().keys(TestKeys.key(1)).hostPrefix(true).cookiePath("/shop").build())
                .hasMessageContaining("host-prefix requires cookie-path /");
    }
}
