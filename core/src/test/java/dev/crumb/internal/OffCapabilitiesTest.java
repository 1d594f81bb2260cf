package dev.crumb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.Crumb;
import dev.crumb.TrackingMetrics;
import dev.crumb.internal.analytics.AnalyticsFeature;
import dev.crumb.internal.analytics.AnalyticsSettings;
import dev.crumb.internal.email.EmailFeature;
import dev.crumb.internal.rights.Retention;
import dev.crumb.internal.tracking.PageTracker;
import dev.crumb.internal.tracking.RetryBackoff;
import dev.crumb.internal.tracking.TrackingSettings;
import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Endpoints;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A capability that is off")
class OffCapabilitiesTest {

    private static final Endpoint NOTHING = new Endpoint() {
        @Override
        public java.util.Set<String> methods() {
            return java.util.Set.of("GET");
        }

        @Override
        public void handle(dev.crumb.internal.web.Exchange exchange) {
        }
    };

    @Test
    @DisplayName("tracking off records nothing, counts nothing and has nothing to stop")
    void trackingOff() {
        PageTracker off = PageTracker.start(new TrackingSettings(false, 100, 10, Duration.ofSeconds(1),
                Duration.ZERO, Duration.ofDays(1), false, List.of(), p -> p, 1.0), "/crumb", null, null, Clock.systemUTC(),
                RetryBackoff.DEFAULT);
        assertThat(off).isSameAs(PageTracker.off());
        assertThatCode(() -> off.afterResponse(null, null, null, "/x")).doesNotThrowAnyException();
        assertThat(off.metrics()).isEqualTo(TrackingMetrics.NONE);
        assertThatCode(off::close).doesNotThrowAnyException();
        assertThat(PageTracker.start(TrackingSettings.DEFAULTS, "/crumb", null, null, Clock.systemUTC(),
                RetryBackoff.DEFAULT)).as("on, but no store").isSameAs(PageTracker.off());
    }

    @Test
    @DisplayName("analytics off adds no endpoint (they answer 404) and nobody is an analyst")
    void analyticsOff() {
        AnalyticsFeature off = AnalyticsFeature.create(AnalyticsSettings.DEFAULTS, "crumb_analyst", null, false, null,
                null, () -> TrackingMetrics.NONE, Clock.systemUTC(), new java.security.SecureRandom());
        assertThat(off).isSameAs(AnalyticsFeature.off());
        Endpoints endpoints = new Endpoints();
        off.register(endpoints, "/crumb");
        assertThatCode(() -> endpoints.add("/analytics/login", NOTHING).add("/analytics/summary", NOTHING))
                .as("nothing registered there before").doesNotThrowAnyException();
        assertThat(off.isAnalyst(null)).isFalse();
    }

    @Test
    @DisplayName("email choices off say they need a store, and there is no unsubscribe page")
    void emailsOff() {
        EmailFeature off = EmailFeature.off();
        assertThatThrownBy(off::choices).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("email choices need a store");
        Endpoints endpoints = new Endpoints();
        off.register(endpoints);
        assertThatCode(() -> endpoints.add("/unsubscribe", NOTHING)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("retention off runs no delayed task")
    void retentionOff() {
        AtomicBoolean ran = new AtomicBoolean();
        Retention.off().later(() -> ran.set(true), Duration.ZERO);
        Retention.off().close();
        assertThat(ran).isFalse();
    }

    @Test
    @DisplayName("the documented JSP/EL attribute crumb.banner is the one the engine sets")
    void bannerAttribute() {
        assertThat(RequestContext.BANNER_ATTRIBUTE).isEqualTo(Crumb.BANNER_ATTRIBUTE).isEqualTo("crumb.banner");
    }
}
