package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    @DisplayName("without options: returning visitors, 64 connections, 2 threads, 30 s after its own 10 s warm-up")
    void defaults() {
        LoadOptions o = LoadOptions.parse();

        assertThat(o).isEqualTo(new LoadOptions("127.0.0.1", 18080, Duration.ofSeconds(30), Duration.ofSeconds(10),
                LoadOptions.WarmupOrder.EACH, 64, 2, VisitorScript.Visitors.RETURNING, "wrk", false));
        assertThat(o.wrkDriver().sameSiteReferer()).isFalse();
    }

    @Test
    @DisplayName("options are read in both --name value and --name=value form")
    void bothForms() {
        LoadOptions o = LoadOptions.parse("--port-base", "9000", "--duration=2m", "--warmup", "0s", "--connections=8",
                "--threads", "4", "--new-visitors", "--wrk", "/usr/bin/wrk", "--warmup-order=all-first");

        assertThat(o.portBase()).isEqualTo(9000);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.warmup()).isZero();
        assertThat(o.connections()).isEqualTo(8);
        assertThat(o.threads()).isEqualTo(4);
        assertThat(o.visitors()).isEqualTo(VisitorScript.Visitors.NEW);
        assertThat(o.wrk()).isEqualTo("/usr/bin/wrk");
        assertThat(o.warmupOrder()).isEqualTo(LoadOptions.WarmupOrder.ALL_FIRST);
    }

    @Test
    @DisplayName("a wrong option or value is named in the error")
    void errorsNameTheOption() {
        assertThatThrownBy(() -> LoadOptions.parse("--duraton", "5s")).hasMessageContaining("unknown option '--duraton'");
        assertThatThrownBy(() -> LoadOptions.parse("--duration", "5 minutes")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> LoadOptions.parse("--connections", "1", "--threads", "2"))
                .hasMessageContaining("--connections (1) must be at least --threads (2)");
        assertThatThrownBy(() -> LoadOptions.parse("--port-base")).hasMessageContaining("--port-base needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--warmup-order", "first"))
                .hasMessageContaining("--warmup-order must be each or all-first, was 'first'");
    }

    @Test
    @DisplayName("--replay-cookie replays one fixed cookie and excludes --new-visitors")
    void replayCookie() {
        assertThat(LoadOptions.parse("--replay-cookie").visitors()).isEqualTo(VisitorScript.Visitors.REPLAY);
        assertThat(LoadOptions.parse("--replay-cookie").wrkDriver().visitors()).isEqualTo(VisitorScript.Visitors.REPLAY);
        assertThatThrownBy(() -> LoadOptions.parse("--replay-cookie", "--new-visitors"))
                .hasMessageContaining("--new-visitors and --replay-cookie exclude each other");
        assertThat(LoadOptions.USAGE).contains("--replay-cookie");
    }

    @Test
    @DisplayName("--same-site-referer sends a Referer of the site with returning visitors or a replayed cookie, not new ones")
    void sameSiteReferer() {
        LoadOptions returning = LoadOptions.parse("--same-site-referer");
        assertThat(returning.sameSiteReferer()).isTrue();
        assertThat(returning.wrkDriver().sameSiteReferer()).isTrue();
        assertThat(returning.trafficLabel()).isEqualTo("returning visitors, a same-site Referer");
        assertThat(LoadOptions.parse("--replay-cookie", "--same-site-referer").wrkDriver().replaying("crumb=x")
                .sameSiteReferer()).isTrue();
        assertThatThrownBy(() -> LoadOptions.parse("--new-visitors", "--same-site-referer"))
                .hasMessageContaining("--same-site-referer and --new-visitors exclude each other");
        assertThat(LoadOptions.USAGE).contains("--same-site-referer");
        assertThat(LoadOptions.parse().trafficLabel()).isEqualTo("returning visitors");
    }
}
