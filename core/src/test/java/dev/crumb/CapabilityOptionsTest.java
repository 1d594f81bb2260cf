package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.TestKeys;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Per-capability options")
class CapabilityOptionsTest {

    @Test
    @DisplayName("built on their own and given whole to the configuration, they keep every option; shortcuts change them further")
    void givenWhole() {
        CookieOptions cookie = CookieOptions.builder().keys(TestKeys.key(1)).name("shop").partitioned(true)
                .visitTimeout(Duration.ofMinutes(20)).build();
        ConsentOptions consent = ConsentOptions.builder().policyRevision(3).honourDnt(true)
                .cookieCategory("recently_viewed", Category.PREFERENCES).build();
        TrackingOptions tracking = TrackingOptions.builder().enabled(false).batchSize(50).build();
        AnalyticsOptions analytics = AnalyticsOptions.builder().failuresPerAddress(3).build();
        FormOptions forms = FormOptions.builder().savedFields(Map.of("name", 50)).ageField(null).build();
        LocaleOptions locale = LocaleOptions.builder().languages(List.of("de", "en")).defaultLanguage("de").build();

        CrumbConfig config = CrumbConfig.builder().cookie(cookie).consent(consent).tracking(tracking)
                .analytics(analytics).forms(forms).locale(locale)
                .lastSeenRefresh(Duration.ofMinutes(2)) // a shortcut after the whole options
                .build();

        assertThat(config.cookie().effectiveName()).isEqualTo("shop");
        assertThat(config.cookie().partitioned()).isTrue();
        assertThat(config.cookie().visitTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.cookie().lastSeenRefresh()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.consent().policyRevision()).isEqualTo(3);
        assertThat(config.consent().honourDnt()).isTrue();
        assertThat(config.settings().consent().registry().categoryOf("recently_viewed")).isEqualTo(Category.PREFERENCES);
        assertThat(config.tracking().enabled()).isFalse();
        assertThat(config.tracking().batchSize()).isEqualTo(50);
        assertThat(config.analytics().failuresPerAddress()).isEqualTo(3);
        assertThat(config.forms().savedFields()).isEqualTo(Map.of("name", 50));
        assertThat(config.forms().ageField()).isNull();
        assertThat(config.locale().defaultLanguage()).isEqualTo("de");
        assertThat(cookie.lastSeenRefresh()).as("the options given stay as they were").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("toBuilder copies every option, so a changed copy differs only in what was changed")
    void toBuilder() {
        TrackingOptions base = TrackingOptions.builder().bufferCapacity(5000).botPatterns(List.of("acme"))
                .visitRetention(Period.ofMonths(30)).build();
        TrackingOptions changed = base.toBuilder().batchSize(100).build();
        assertThat(changed.bufferCapacity()).isEqualTo(5000);
        assertThat(changed.botPatterns()).containsExactly("acme");
        assertThat(changed.visitRetention()).isEqualTo(Period.ofMonths(30));
        assertThat(changed.batchSize()).isEqualTo(100);
        assertThat(base.batchSize()).isEqualTo(5_000);

        ConsentOptions consent = ConsentOptions.builder().controllerName("Shop Ltd").privacyPolicyUrl("/privacy").build()
                .toBuilder().policyRevision(2).build();
        assertThat(consent.controllerName()).isEqualTo("Shop Ltd");
        assertThat(consent.privacyPolicyUrl()).isEqualTo("/privacy");
        assertThat(consent.policyRevision()).isEqualTo(2);
    }
}
