package dev.crumb.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.consent.ConsentRules;
import dev.crumb.internal.consent.ConsentState;
import dev.crumb.internal.consent.OptInRegions;
import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.cookie.CookiePayload.StoredConsent;
import dev.crumb.internal.http.CsrfTokens;
import dev.crumb.internal.locale.LocaleResolver;
import dev.crumb.testsupport.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A request's consent is evaluated once, and again whenever what it depends on changes. */
@DisplayName("A visitor session's consent")
class VisitorSessionConsentTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private final SessionSupport support = new SessionSupport(
            new CsrfTokens(CookieKeys.parse(List.of(TestKeys.key(1)), "t"), CLOCK, Duration.ofHours(2)),
            new LocaleResolver(null, "US", "en", List.of("en", "de")),
            new ConsentRules(OptInRegions.defaults(), 1, false, Period.ofMonths(6), CLOCK));

    private static CookiePayload visitor(StoredConsent consent) {
        return new CookiePayload("AAAAAAAAAAAAAAAAAAAAAA", "US", "en", T.getEpochSecond(), T.getEpochSecond(), 1,
                consent, null, null);
    }

    @Test
    @DisplayName("is the same state on every ask while nothing changes")
    void evaluatedOnce() {
        VisitorSession session = new VisitorSession(support, visitor(null), true, false, false);
        session.markTrustedCountry("US");

        ConsentState first = session.consent();

        assertThat(session.consent()).isSameAs(first);
        assertThat(session.consents(Category.ANALYTICS)).isTrue();
    }

    @Test
    @DisplayName("follows a new trusted country and a new payload")
    void followsChanges() {
        VisitorSession session = new VisitorSession(support, visitor(null), true, false, false);
        session.markTrustedCountry("US");
        assertThat(session.consents(Category.ANALYTICS)).isTrue();

        session.markTrustedCountry("DE");
        assertThat(session.consents(Category.ANALYTICS)).isFalse();

        session.replace(visitor(new StoredConsent(ConsentState.bits(Set.of(Category.ANALYTICS)), 1,
                T.getEpochSecond(), ConsentSource.BANNER.ordinal())));
        assertThat(session.consent().source()).isEqualTo(ConsentSource.BANNER);
        assertThat(session.consents(Category.ANALYTICS)).isTrue();
    }
}
