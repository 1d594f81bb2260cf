package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.testsupport.TestKeys;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crumb's consent options")
class ConsentConfigTest {

    private static CrumbConfig.Builder builder() {
        return CrumbConfig.builder().keys(TestKeys.key(1));
    }

    private static CrumbConfig fromParams(Map<String, String> params) {
        return CrumbConfig.fromInitParameters(params::get, Map.of("CRUMB_KEYS", TestKeys.key(1)));
    }

    @Test
    @DisplayName("have the documented defaults")
    void defaults() {
        CrumbConfig c = builder().build();
        assertThat(c.consent().policyRevision()).isEqualTo(1);
        assertThat(c.consent().honourDnt()).isFalse();
        assertThat(c.consent().gpcLastUpdate()).isEqualTo(CrumbConfig.DEFAULT_GPC_LAST_UPDATE);
        assertThat(c.consent().optInCountries()).contains("DE", "FR", "GB", "CH", "NO").doesNotContain("US");
        assertThat(c.settings().consent().registry().unregistered()).isEqualTo(Category.MARKETING);
        assertThat(c.settings().consent().registry().categoryOf("crumb")).isEqualTo(Category.NECESSARY);
    }

    @Test
    @DisplayName("are read from init-params")
    void initParams() {
        CrumbConfig c = fromParams(Map.of("cookie-categories", "recently_viewed=preferences, _ga*=analytics, cart=preferences;path=/shop",
                "unregistered-cookie-category", "analytics", "opt-in-countries", "de, us", "honour-dnt", "true",
                "gpc-last-update", "2026-01-31", "policy-revision", "4"));
        assertThat(c.settings().consent().registry().categoryOf("recently_viewed")).isEqualTo(Category.PREFERENCES);
        assertThat(c.settings().consent().registry().categoryOf("_ga_1")).isEqualTo(Category.ANALYTICS);
        assertThat(c.settings().consent().registry().pathOf("cart")).isEqualTo("/shop");
        assertThat(c.settings().consent().registry().categoryOf("other")).isEqualTo(Category.ANALYTICS);
        assertThat(c.consent().optInCountries()).containsExactlyInAnyOrder("DE", "US");
        assertThat(c.consent().honourDnt()).isTrue();
        assertThat(c.consent().gpcLastUpdate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(c.consent().policyRevision()).isEqualTo(4);
    }

    @Test
    @DisplayName("name the option in every error")
    void errorsNameTheOption() {
        assertThatThrownBy(() -> builder().policyRevision(0)).hasMessageContaining("policy-revision");
        assertThatThrownBy(() -> fromParams(Map.of("policy-revision", "two"))).hasMessageContaining("policy-revision");
        assertThatThrownBy(() -> fromParams(Map.of("gpc-last-update", "yesterday"))).hasMessageContaining("gpc-last-update");
        assertThatThrownBy(() -> fromParams(Map.of("unregistered-cookie-category", "tasty")))
                .hasMessageContaining("unregistered-cookie-category");
        assertThatThrownBy(() -> builder().optInCountries(List.of("Germany"))).hasMessageContaining("opt-in-countries");
        assertThatThrownBy(() -> fromParams(Map.of("honour-dnt", "yes"))).hasMessageContaining("honour-dnt");
        assertThatThrownBy(() -> fromParams(Map.of("cookie-categories", "x"))).hasMessageContaining("cookie-categories");
        assertThatThrownBy(() -> builder().cookieCategory("crum*", Category.ANALYTICS).build())
                .hasMessageContaining("Crumb's own cookie");
        assertThatThrownBy(() -> builder().cookieCategory("a", Category.ANALYTICS).cookieCategory("a", Category.MARKETING).build())
                .isInstanceOf(CrumbConfigException.class).hasMessageContaining("twice");
    }
}
