package dev.crumb.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.cookie.CookiePayload.StoredConsent;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;

@DisplayName("Consent rules")
class ConsentRulesTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private final ConsentRules rules = new ConsentRules(OptInRegions.defaults(), 2, false,
            java.time.Period.ofMonths(6), java.time.Clock.fixed(T, java.time.ZoneOffset.UTC));

    private static CookiePayload visitor(String country, StoredConsent consent) {
        return new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", country, "en", T.getEpochSecond(), T.getEpochSecond(), 1,
                consent, null, null);
    }

    private static StoredConsent chose(Set<Category> granted, int revision, ConsentSource source) {
        return new StoredConsent(ConsentState.bits(granted), revision, T.getEpochSecond(), source.ordinal());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DE", "FR", "IE", "NO", "IS", "LI", "GB", "CH", "ZZ"})
    @DisplayName("in opt-in regions (EU/EEA, UK, Switzerland, unknown) every optional category starts off")
    void optInRegions(String country) {
        ConsentState s = rules.evaluate(visitor(country, null), false, country);
        assertThat(s.granted()).containsExactly(Category.NECESSARY);
        assertThat(s.needed()).isTrue();
        assertThat(s.source()).isEqualTo(ConsentSource.REGION_DEFAULT);
        assertThat(s.policyRevision()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"US", "CA", "JP", "BR", "AU"})
    @DisplayName("elsewhere preferences and analytics start on, marketing off, and the visitor is still asked")
    void optOutRegions(String country) {
        ConsentState s = rules.evaluate(visitor(country, null), false, country);
        assertThat(s.granted()).containsExactlyInAnyOrder(Category.NECESSARY, Category.PREFERENCES, Category.ANALYTICS);
        assertThat(s.needed()).isTrue();
    }

    @Test
    @DisplayName("the cookie's country alone (it may come from Accept-Language) never turns defaults on")
    void untrustedCountryIsUnknown() {
        ConsentState s = rules.evaluate(visitor("US", null), false);
        assertThat(s.granted()).containsExactly(Category.NECESSARY);
        assertThat(rules.evaluate(visitor("US", null), false, "XX").granted()).containsExactly(Category.NECESSARY);
        CookiePayload chosen = visitor("US", null).withLocale("US", "en", true);
        assertThat(rules.evaluate(chosen, false, "DE").grants(Category.ANALYTICS)).isTrue();
    }

    @Test
    @DisplayName("a configured list of opt-in countries replaces the default")
    void configuredRegions() {
        ConsentRules custom = new ConsentRules(new OptInRegions(Set.of("US")), 1, false,
                java.time.Period.ofMonths(6), java.time.Clock.fixed(T, java.time.ZoneOffset.UTC));
        assertThat(custom.evaluate(visitor("US", null), false, "US").grants(Category.ANALYTICS)).isFalse();
        assertThat(custom.evaluate(visitor("DE", null), false, "DE").grants(Category.ANALYTICS)).isTrue();
        assertThat(custom.evaluate(visitor("ZZ", null), false, "ZZ").grants(Category.ANALYTICS)).isFalse();
    }

    @Test
    @DisplayName("a refusal signal refuses every optional category and needs no question")
    void refusalSignal() {
        ConsentState s = rules.evaluate(visitor("US", null), true, "US");
        assertThat(s.granted()).containsExactly(Category.NECESSARY);
        assertThat(s.needed()).isFalse();
        assertThat(s.source()).isEqualTo(ConsentSource.GPC);
    }

    @Test
    @DisplayName("the visitor's choice under the current revision wins over region; a later signal takes only marketing")
    void explicitChoiceWins() {
        StoredConsent all = chose(Set.of(Category.PREFERENCES, Category.ANALYTICS, Category.MARKETING), 2, ConsentSource.BANNER);
        ConsentState s = rules.evaluate(visitor("DE", all), false, "DE");
        assertThat(s.granted()).containsExactlyInAnyOrder(Category.values());
        assertThat(s.needed()).isFalse();
        assertThat(s.decidedAt()).isEqualTo(T);
        ConsentState withSignal = rules.evaluate(visitor("DE", all), true, "DE");
        assertThat(withSignal.granted()).containsExactlyInAnyOrder(Category.NECESSARY, Category.PREFERENCES, Category.ANALYTICS);
        assertThat(withSignal.needed()).isFalse();
        assertThat(ConsentRules.signalOverrides(all, true)).isTrue();
    }

    @Test
    @DisplayName("a choice made while sending the signal keeps marketing under the signal")
    void choiceWithSignalWins() {
        StoredConsent all = new StoredConsent(ConsentState.bits(Set.of(Category.MARKETING)), 2, T.getEpochSecond(),
                ConsentSource.BANNER.ordinal(), true);
        assertThat(rules.evaluate(visitor("DE", all), true, "DE").grants(Category.MARKETING)).isTrue();
        assertThat(ConsentRules.signalOverrides(all, true)).isFalse();
    }

    @Test
    @DisplayName("a choice under an older revision asks again, with the region default meanwhile")
    void revisionBump() {
        StoredConsent old = chose(Set.of(Category.MARKETING), 1, ConsentSource.BANNER);
        ConsentState s = rules.evaluate(visitor("DE", old), false, "DE");
        assertThat(s.needed()).isTrue();
        assertThat(s.grants(Category.MARKETING)).isFalse();
        assertThat(s.source()).isEqualTo(ConsentSource.REGION_DEFAULT);
    }

    @Test
    @DisplayName("a recorded default keeps its time; a different default (new country, signal) replaces it")
    void recordedDefault() {
        StoredConsent recorded = chose(Set.of(), 2, ConsentSource.REGION_DEFAULT);
        assertThat(rules.evaluate(visitor("DE", recorded), false, "DE").decidedAt()).isEqualTo(T);
        assertThat(rules.evaluate(visitor("DE", recorded), false, "DE").sameAs(recorded)).isTrue();
        assertThat(rules.evaluate(visitor("US", recorded), false, "US").sameAs(recorded)).isFalse();
        assertThat(rules.evaluate(visitor("DE", recorded), true, "DE").sameAs(recorded)).isFalse();
    }

    @Test
    @DisplayName("a choice holds consent-max-age; from then on the defaults apply and the visitor is asked")
    void choiceLapses() {
        StoredConsent all = chose(Set.of(Category.ANALYTICS, Category.MARKETING), 2, ConsentSource.BANNER);
        ConsentRules later = new ConsentRules(OptInRegions.defaults(), 2, false, java.time.Period.ofMonths(6),
                java.time.Clock.fixed(T.atOffset(java.time.ZoneOffset.UTC).plusMonths(6).toInstant(), java.time.ZoneOffset.UTC));
        ConsentRules justBefore = new ConsentRules(OptInRegions.defaults(), 2, false, java.time.Period.ofMonths(6),
                java.time.Clock.fixed(T.atOffset(java.time.ZoneOffset.UTC).plusMonths(6).minusSeconds(1).toInstant(),
                        java.time.ZoneOffset.UTC));
        assertThat(justBefore.evaluate(visitor("US", all), false, "US").needed()).isFalse();
        ConsentState lapsed = later.evaluate(visitor("US", all), false, "US");
        assertThat(lapsed.needed()).isTrue();
        assertThat(lapsed.source()).isEqualTo(ConsentSource.REGION_DEFAULT);
        assertThat(lapsed.grants(Category.MARKETING)).isFalse();
        assertThat(later.lapsed(all)).isTrue();
    }

    @Test
    @DisplayName("Sec-GPC: 1 is a signal; DNT: 1 only when honoured")
    void signals() {
        ConsentRules honouring = new ConsentRules(OptInRegions.defaults(), 1, true);
        assertThat(rules.refusalSignal(request("Sec-GPC", "1"))).isTrue();
        assertThat(rules.refusalSignal(request("Sec-GPC", " 1 "))).isTrue();
        assertThat(rules.refusalSignal(request("Sec-GPC", "0"))).isFalse();
        assertThat(rules.refusalSignal(request("DNT", "1"))).isFalse();
        assertThat(honouring.refusalSignal(request("DNT", "1"))).isTrue();
        assertThat(honouring.refusalSignal(request("DNT", "0"))).isFalse();
    }

    private static HttpServletRequest request(String header, String value) {
        HttpServletRequest request = Mockito.mock(HttpServletRequest.class);
        Mockito.when(request.getHeader(header)).thenReturn(value);
        return request;
    }

    @Test
    @DisplayName("the policy revision must be 1 or more")
    void revisionValidated() {
        assertThatThrownBy(() -> new ConsentRules(OptInRegions.defaults(), 0, false)).hasMessageContaining("policy-revision");
    }
}
