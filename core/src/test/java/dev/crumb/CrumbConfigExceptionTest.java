package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crumb.testsupport.TestKeys;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("A configuration mistake")
class CrumbConfigExceptionTest {

    private static CrumbConfig.Builder builder() {
        return CrumbConfig.builder().keys(TestKeys.key(1));
    }

    private static String optionOf(Executable configure) {
        CrumbConfigException e = catchThrowableOfType(CrumbConfigException.class, configure::execute);
        assertThat(e).as("a CrumbConfigException").isNotNull();
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getMessage()).isNotBlank();
        return e.option();
    }

    @Test
    @DisplayName("in the builder names the option, also when options contradict each other at build")
    void builderNamesTheOption() {
        assertThat(optionOf(() -> CrumbConfig.builder().build())).isEqualTo("keys");
        assertThat(optionOf(() -> CrumbConfig.builder().keys("too-short"))).isEqualTo("keys");
        assertThat(optionOf(() -> builder().hashKey("x"))).isEqualTo("hash-key");
        assertThat(optionOf(() -> builder().cookieName("a b"))).isEqualTo("cookie-name");
        assertThat(optionOf(() -> builder().visitTimeout(Duration.ofSeconds(1)))).isEqualTo("visit-timeout");
        assertThat(optionOf(() -> builder().analystPasswordHash("plain"))).isEqualTo("analyst-password-hash");
        assertThat(optionOf(() -> builder().analystPasswordHash(AnalystPassword.hash("correct horse battery".toCharArray()))
                .build())).isEqualTo("analyst-password-hash");
        assertThat(optionOf(() -> builder().hostPrefix(true).domain("example.com").build())).isEqualTo("domain");
        assertThat(optionOf(() -> builder().visitRetention(Period.ofMonths(6)).build())).isEqualTo("visit-retention");
        assertThat(optionOf(() -> builder().trackingBufferCapacity(200).trackingBatchSize(500).build()))
                .isEqualTo("tracking-batch-size");
        assertThat(optionOf(() -> builder().cookieCategory("a", Category.ANALYTICS)
                .cookieCategory("a", Category.MARKETING).build())).isEqualTo("cookie-categories");
        assertThat(optionOf(() -> builder().trackingBotPatterns(List.of("(")))).isEqualTo("tracking-bot-patterns");
        assertThat(optionOf(() -> builder().cookieRequiredPaths(List.of("cart")))).isEqualTo("cookie-required-paths");
        assertThat(optionOf(() -> builder().savedFormFields(Map.of("name", 0)))).isEqualTo("saved-form-fields");
        assertThat(optionOf(() -> builder().languages(List.of("de")).build())).isEqualTo("default-language");
    }

    @Test
    @DisplayName("in the per-capability options names the option as web.xml does")
    void optionsNameTheOption() {
        assertThat(optionOf(() -> CookieOptions.builder().path("shop"))).isEqualTo("cookie-path");
        assertThat(optionOf(() -> ConsentOptions.builder().maxAge(Period.ofMonths(14)))).isEqualTo("consent-max-age");
        assertThat(optionOf(() -> TrackingOptions.builder().batchSize(0))).isEqualTo("tracking-batch-size");
        assertThat(optionOf(() -> AnalyticsOptions.builder().maxRange(Duration.ZERO))).isEqualTo("analytics-max-range");
        assertThat(optionOf(() -> FormOptions.builder().ageField("1 year"))).isEqualTo("age-field");
    }

    @Test
    @DisplayName("in web.xml parameters names the init-param, unknown and store ones included")
    void parametersNameTheParameter() {
        Map<String, String> env = Map.of("CRUMB_KEYS", TestKeys.key(1));
        assertThat(optionOf(() -> CrumbConfig.fromInitParameters(n -> null, Map.of()))).isEqualTo("keys");
        assertThat(optionOf(() -> CrumbConfig.fromInitParameters(Map.of("secure", "yes")::get, env))).isEqualTo("secure");
        assertThat(optionOf(() -> CrumbConfig.fromInitParameters(Map.of("policy-revision", "two")::get, env)))
                .isEqualTo("policy-revision");
        assertThat(optionOf(() -> CrumbConfig.fromInitParameters(Map.of("cookie-categories", "x")::get, env)))
                .isEqualTo("cookie-categories");
        assertThat(optionOf(() -> CrumbConfig.fromInitParameters(Map.of("consent-max-age", "six months")::get, env)))
                .isEqualTo("consent-max-age");
        Map<String, String> typo = new LinkedHashMap<>(Map.of("keys", TestKeys.key(1), "vist-timeout", "PT10M"));
        CrumbConfigException unknown = catchThrowableOfType(CrumbConfigException.class,
                () -> CrumbConfig.fromParameters(typo, null));
        assertThat(unknown.option()).isEqualTo("vist-timeout");
        assertThat(unknown).hasMessageContaining("did you mean 'visit-timeout'");
        assertThat(optionOf(() -> CrumbStores.fromParameters(Map.of("store-user", "crumb")::get))).isEqualTo("store-url");
    }

    @Test
    @DisplayName("store parameters are known names, not unknown ones")
    void storeParametersAreKnown() {
        CrumbConfig config = CrumbConfig.fromParameters(Map.of("keys", TestKeys.key(1), "store-url", "jdbc:h2:mem:x"), null);
        assertThat(config.store()).isNull();
    }

    @Test
    @DisplayName("keys in the CRUMB_KEYS text form pass through the one key parser")
    void keysText() {
        List<String> keys = CrumbKeys.parse(TestKeys.key(1) + ",\n " + TestKeys.key(2), "CRUMB_KEYS");
        assertThat(keys).containsExactly(TestKeys.key(1), TestKeys.key(2));
        assertThat(CrumbConfig.builder().keysText(TestKeys.key(1) + "\n" + TestKeys.key(2)).build()
                .settings().cookie().keys().all()).hasSize(2);
        CrumbConfigException empty = catchThrowableOfType(CrumbConfigException.class,
                () -> CrumbKeys.parse(TestKeys.key(1) + ",,", "CRUMB_KEYS"));
        assertThat(empty.option()).isEqualTo("keys");
        assertThat(empty).hasMessageStartingWith("CRUMB_KEYS entry 2 is empty;");
        assertThat(catchThrowableOfType(CrumbConfigException.class, () -> CrumbKeys.parse(" ", "file")))
                .hasMessageStartingWith("file is empty;");
    }

    @Test
    @DisplayName("in an init-param that is not a number or a date names the option, what it must be, and the value")
    void malformedValuesInInitParams() {
        Map<String, String> cases = Map.of(
                "tracking-batch-size", "a whole number such as 2",
                "tracking-overflow-writer-share", "a number such as 0.25",
                "gpc-last-update", "a date such as 2026-03-01");
        for (var c : cases.entrySet()) {
            CrumbConfigException e = catchThrowableOfType(CrumbConfigException.class, () -> CrumbConfig.fromInitParameters(
                    Map.of("keys", TestKeys.key(1), c.getKey(), " soon ")::get, Map.of()));
            assertThat(e).as(c.getKey()).isNotNull();
            assertThat(e.option()).isEqualTo(c.getKey());
            assertThat(e.getMessage()).isEqualTo("init-param " + c.getKey() + " must be " + c.getValue() + ", was 'soon'");
        }
    }
}
