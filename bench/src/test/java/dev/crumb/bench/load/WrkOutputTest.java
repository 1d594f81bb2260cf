package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The samples under {@code src/test/resources/wrk} are verbatim output of wrk 4.1.0 (Debian). */
class WrkOutputTest {

    @Test
    @DisplayName("a clean run yields throughput, request count, duration and the latency percentiles")
    void cleanRun() throws IOException {
        WrkResult r = WrkOutput.parse(sample("ok-latency.txt"));

        assertThat(r.requests()).isEqualTo(2346);
        assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.requestsPerSecond()).isEqualTo(1172.64);
        assertThat(r.p50()).isEqualTo(Duration.ofNanos(3_010_000));
        assertThat(r.p90()).isEqualTo(Duration.ofNanos(5_220_000));
        assertThat(r.p99()).isEqualTo(Duration.ofNanos(40_980_000));
        assertThat(r.non2xx()).isZero();
        assertThat(r.socketErrors()).isEqualTo(WrkResult.SocketErrors.NONE);
    }

    @Test
    @DisplayName("error statuses are counted from the 'Non-2xx or 3xx responses' line")
    void non2xx() throws IOException {
        WrkResult r = WrkOutput.parse(sample("non-2xx.txt"));

        assertThat(r.non2xx()).isEqualTo(2499);
        assertThat(r.requests()).isEqualTo(2499);
        assertThat(r.elapsed()).isEqualTo(Duration.ofMillis(2100));
        assertThat(r.p99()).isEqualTo(Duration.ofNanos(8_510_000));
    }

    @Test
    @DisplayName("socket errors are read per kind, and a run without responses still parses")
    void socketErrors() throws IOException {
        WrkResult r = WrkOutput.parse(sample("socket-errors.txt"));

        assertThat(r.socketErrors()).isEqualTo(new WrkResult.SocketErrors(0, 4, 0, 0));
        assertThat(r.socketErrors().total()).isEqualTo(4);
        assertThat(r.requests()).isZero();
        assertThat(r.requestsPerSecond()).isZero();
        assertThat(r.p50()).isEqualTo(Duration.ZERO);
    }

    @Test
    @DisplayName("wrk's refusal to run is reported with what wrk said")
    void unableToConnect() throws IOException {
        String output = sample("unable-to-connect.txt");

        assertThatThrownBy(() -> WrkOutput.parse(output))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unable to connect to 127.0.0.1:18998");
    }

    @Test
    @DisplayName("a report without --latency is refused rather than read as zero latency")
    void withoutLatency() throws IOException {
        String output = sample("ok-latency.txt").replaceAll("(?s)  Latency Distribution.*?99%[^\\n]*\\n", "");

        assertThatThrownBy(() -> WrkOutput.parse(output)).hasMessageContaining("--latency");
    }

    @Test
    @DisplayName("every time unit wrk prints converts to a duration")
    void timeUnits() {
        assertThat(WrkOutput.time("635.00us")).isEqualTo(Duration.ofNanos(635_000));
        assertThat(WrkOutput.time("1.07ms")).isEqualTo(Duration.ofNanos(1_070_000));
        assertThat(WrkOutput.time("2.00s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(WrkOutput.time("1.50m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(WrkOutput.time("0.00us")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> WrkOutput.time("12 parsecs")).isInstanceOf(IllegalArgumentException.class);
    }

    static String sample(String name) throws IOException {
        try (InputStream in = WrkOutputTest.class.getResourceAsStream("/wrk/" + name)) {
            if (in == null) {
                throw new IOException("no wrk sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
