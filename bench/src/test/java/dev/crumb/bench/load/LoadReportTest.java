package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static final LoadOptions OPTIONS = LoadOptions.parse("--duration", "30s");

    @Test
    @DisplayName("ratios are Crumb's throughput over bare and over httpsession, judged against the targets")
    void ratiosAgainstTargets() {
        String report = print(List.of(
                run(ServerKind.BARE, 10_000, 0, 100_000_000, 100_000_000, 0, 0),
                run(ServerKind.CRUMB, 9_500, 0, 100_000_000, 100_000_000, 0, 0),
                run(ServerKind.HTTPSESSION, 9_600, 0, 100_000_000, 100_000_000, 0, 64)));

        assertThat(report).contains("crumb / bare        throughput 0.950  (target >= 0.90: met)")
                .contains("crumb / httpsession throughput 0.990  (target > 1.00: MISSED)")
                .doesNotContain("WARNING");
    }

    @Test
    @DisplayName("heap per session is the session server's heap delta over the sessions its run created")
    void heapPerSession() {
        String report = print(List.of(run(ServerKind.HTTPSESSION, 5_000, 0, 50_000_000, 60_000_000, 100, 10_100)));

        assertThat(report).contains("10000 sessions created in the measured run; heap delta per session 1000 bytes");
    }

    @Test
    @DisplayName("a heap that shrank gives no per-session figure, and a run with errors is flagged")
    void noiseAndErrors() {
        String report = print(List.of(run(ServerKind.HTTPSESSION, 5_000, 12, 60_000_000, 50_000_000, 0, 64)));

        assertThat(report).contains("heap delta per session n/a")
                .contains("WARNING: httpsession had 12 non-2xx responses");
    }

    private static LoadRun.ServerResult run(ServerKind kind, double rps, long non2xx, long heapBefore, long heapAfter,
                                            long sessionsBefore, long sessionsAfter) {
        WrkResult wrk = new WrkResult((long) rps * 30, Duration.ofSeconds(30), rps, Duration.ofMillis(1),
                Duration.ofMillis(2), Duration.ofMillis(5), non2xx, WrkResult.SocketErrors.NONE);
        return new LoadRun.ServerResult(kind, wrk, new HeapSnapshot(heapBefore, sessionsBefore, -1),
                new HeapSnapshot(heapAfter, sessionsAfter, -1));
    }

    private static String print(List<LoadRun.ServerResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadReport.print(OPTIONS, results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
