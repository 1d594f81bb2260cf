package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.internal.analytics.AnalyticsSettings;
import dev.crumb.internal.tracking.TrackingSettings;
import dev.crumb.testsupport.TestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crumb's configuration: tracking and analytics")
class TrackingConfigTest {

    private static final String HASH = AnalystPassword.hash("configuration test passphrase".toCharArray());

    private static CrumbConfig.Builder builder() {
        return CrumbConfig.builder().keys(TestKeys.key(1));
    }

    @Test
    @DisplayName("has the documented defaults: tracking on, analytics off")
    void defaults() {
        CrumbConfig c = builder().build();
        TrackingSettings t = c.tracking().settings();
        assertThat(t.enabled()).isTrue();
        assertThat(t.bufferCapacity()).isEqualTo(100_000);
        assertThat(t.batchSize()).isEqualTo(5_000);
        assertThat(t.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.shutdownWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(t.extraBotPatterns()).isEmpty();
        assertThat(t.overflowWriterShare())
                .isEqualTo(Math.min(1.0, Runtime.getRuntime().availableProcessors() / 8.0));
        AnalyticsSettings a = c.analytics().settings();
        assertThat(a.enabled()).isFalse();
        assertThat(a.sessionLifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(a.failuresPerAddress()).isEqualTo(5);
        assertThat(a.failuresGlobal()).isEqualTo(100);
        assertThat(a.maxLockout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(a.maxRangeDays()).isEqualTo(1096);
    }

    @Test
    @DisplayName("each option refuses values out of range, naming the option")
    void validation() {
        List<Map.Entry<String, UnaryOperator<CrumbConfig.Builder>>> cases = List.of(
                Map.entry("tracking-buffer-capacity", b -> b.trackingBufferCapacity(10)),
                Map.entry("tracking-batch-size", b -> b.trackingBatchSize(0)),
                Map.entry("tracking-flush-interval", b -> b.trackingFlushInterval(Duration.ofMillis(1))),
                Map.entry("tracking-shutdown-wait", b -> b.trackingShutdownWait(Duration.ofMinutes(11))),
                Map.entry("tracking-retention", b -> b.trackingRetention(Duration.ofHours(1))),
                Map.entry("tracking-bot-patterns", b -> b.trackingBotPatterns(List.of("(unclosed"))),
                Map.entry("tracking-overflow-writer-share", b -> b.trackingOverflowWriterShare(0.01)),
                Map.entry("tracking-overflow-writer-share", b -> b.trackingOverflowWriterShare(1.5)),
                Map.entry("tracking-overflow-writer-share", b -> b.trackingOverflowWriterShare(Double.NaN)),
                Map.entry("analyst-password-hash", b -> b.analystPasswordHash("plain-text-password")),
                Map.entry("analyst-session-lifetime", b -> b.analystSessionLifetime(Duration.ofDays(30))),
                Map.entry("analyst-failures-per-address", b -> b.analystFailuresPerAddress(0)),
                Map.entry("analyst-failures-global", b -> b.analystFailuresGlobal(0)),
                Map.entry("analyst-max-lockout", b -> b.analystMaxLockout(Duration.ZERO)),
                Map.entry("analytics-max-range", b -> b.analyticsMaxRange(Duration.ofDays(5000))));
        for (var c : cases) {
            assertThatThrownBy(() -> c.getValue().apply(builder())).as(c.getKey())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.getKey());
        }
        assertThatThrownBy(() -> builder().analystPasswordHash("plain-text-password"))
                .hasMessageNotContaining("plain-text-password");
    }

    @Test
    @DisplayName("a batch set larger than the buffer fails at build, naming both options")
    void batchWithinBuffer() {
        assertThatThrownBy(() -> builder().trackingBufferCapacity(200).trackingBatchSize(201).build())
                .isInstanceOf(CrumbConfigException.class)
                .hasMessageContaining("tracking-batch-size").hasMessageContaining("tracking-buffer-capacity");
        assertThat(builder().trackingBufferCapacity(200).trackingBatchSize(200).build().tracking().batchSize())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("a batch size left unset is the default, but never more than the buffer holds, also after toBuilder")
    void unsetBatchFollowsTheBuffer() {
        assertThat(builder().trackingBufferCapacity(200).build().tracking().batchSize()).isEqualTo(200);
        assertThat(builder().trackingBufferCapacity(20_000).build().tracking().batchSize()).isEqualTo(5_000);
        TrackingOptions defaults = TrackingOptions.builder().build();
        assertThat(defaults.toBuilder().bufferCapacity(1_000).build().batchSize()).isEqualTo(1_000);
        TrackingOptions chosen = TrackingOptions.builder().batchSize(300).build();
        assertThat(chosen.toBuilder().bufferCapacity(1_000).build().batchSize()).isEqualTo(300);
        assertThatThrownBy(() -> chosen.toBuilder().bufferCapacity(200).build())
                .hasMessageContaining("tracking-batch-size");
    }

    @Test
    @DisplayName("an analyst password hash without a store fails at build and says what to do")
    void analyticsNeedStore() {
        assertThatThrownBy(() -> builder().analystPasswordHash(HASH).build())
                .isInstanceOf(CrumbConfigException.class).hasMessageContaining("store");
        assertThat(builder().analystPasswordHash(HASH).store(CrumbStores.inMemory()).build().analytics().enabled()).isTrue();
    }

    @Test
    @DisplayName("reads every tracking and analytics init-param, and the hash from CRUMB_ANALYST_PASSWORD_HASH")
    void initParams() {
        Map<String, String> params = Map.ofEntries(
                Map.entry("keys", TestKeys.key(1)),
                Map.entry("tracking", "false"),
                Map.entry("tracking-buffer-capacity", "5000"),
                Map.entry("tracking-batch-size", "250"),
                Map.entry("tracking-flush-interval", "PT2S"),
                Map.entry("tracking-shutdown-wait", "PT30S"),
                Map.entry("tracking-retention", "P30D"),
                Map.entry("tracking-raw-events", "true"),
                Map.entry("tracking-bot-patterns", "acme-watch\n  my monitor/\\d+ \n"),
                Map.entry("tracking-overflow-writer-share", " 0.5 "),
                Map.entry("analyst-session-lifetime", "PT1H"),
                Map.entry("analyst-failures-per-address", "3"),
                Map.entry("analyst-failures-global", "50"),
                Map.entry("analyst-max-lockout", "PT5M"),
                Map.entry("analytics-max-range", "P366D"));
        CrumbConfig c = CrumbConfig.fromInitParameters(params::get, Map.of());
        assertThat(c.tracking().settings()).isEqualTo(new TrackingSettings(false, 5000, 250, Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofDays(30), true, List.of("acme-watch", "my monitor/\\d+"),
                c.tracking().settings().pathNormaliser(), 0.5));
        assertThat(c.tracking().toBuilder().build().overflowWriterShare()).as("kept by toBuilder").isEqualTo(0.5);
        assertThat(c.analytics().settings()).isEqualTo(new AnalyticsSettings(null, Duration.ofHours(1), 3, 50, Duration.ofMinutes(5), 366));

        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(Map.of("keys", TestKeys.key(1),
                "tracking-batch-size", "many")::get, Map.of())).hasMessageContaining("tracking-batch-size");
        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(Map.of("keys", TestKeys.key(1),
                "tracking-overflow-writer-share", "a quarter")::get, Map.of()))
                .hasMessageContaining("tracking-overflow-writer-share").hasMessageContaining("0.25");
        assertThatThrownBy(() -> CrumbConfig.fromInitParameters(Map.of("keys", TestKeys.key(1))::get,
                Map.of("CRUMB_ANALYST_PASSWORD_HASH", HASH))).hasMessageContaining("store");
    }
}
