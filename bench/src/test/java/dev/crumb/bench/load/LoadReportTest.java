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

        assertThat(report).contains("crumb / bare        throughput 0.950  (target >= 0.90: met)  [returning visitors]")
                .contains("crumb / httpsession throughput 0.990  (target >= 1.00: MISSED)  [returning visitors]")
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

    @Test
    @DisplayName("an equal throughput meets the httpsession target, which is at least 1.0")
    void equalMeetsHttpSessionTarget() {
        String report = print(List.of(run(ServerKind.CRUMB, 9_600, 0, 1, 1, 0, 0),
                run(ServerKind.HTTPSESSION, 9_600, 0, 1, 1, 0, 64)));

        assertThat(report).contains("crumb / httpsession throughput 1.000  (target >= 1.00: met)");
    }

    @Test
    @DisplayName("the report prints the page views Crumb dropped in the run and those still waiting at its end")
    void trackingDroppedAndWaiting() {
        WrkResult wrk = wrk(9_000, 0);
        String report = print(List.of(new LoadRun.ServerResult(ServerKind.CRUMB, wrk,
                new HeapSnapshot(1, 0, 0, 100), new HeapSnapshot(1, 0, 4_321, 1_100))));

        assertThat(report).contains("crumb tracking: 1000 page views dropped in the measured run (1100 since start),"
                + " 4321 still waiting in the buffer at its end");
    }

    @Test
    @DisplayName("the report prints the tracking writer's CPU per 1000 page views written in the run, and nothing without it")
    void writerCpuPerPageView() {
        WrkResult wrk = wrk(9_000, 0);
        String report = print(List.of(new LoadRun.ServerResult(ServerKind.CRUMB, wrk,
                new HeapSnapshot(1, 0, 0, 0, 1_000, 2_000_000_000L), new HeapSnapshot(1, 0, 0, 0, 201_000, 3_500_000_000L))));
        String unknown = print(List.of(new LoadRun.ServerResult(ServerKind.CRUMB, wrk,
                new HeapSnapshot(1, 0, 0, 0), new HeapSnapshot(1, 0, 0, 0))));

        assertThat(report).contains("crumb tracking writer: 200000 page views written in the measured run,"
                + " 1500.0 ms CPU (7.50 ms per 1000 page views)");
        assertThat(unknown).doesNotContain("crumb tracking writer:");
    }

    @Test
    @DisplayName("the report prints each server's JVM CPU per request in its run, GCs of the snapshots left out, and Crumb's ratios")
    void cpuPerRequest() {
        // 9 000 req/s for 30 s = 270 000 requests; CPU counted from after the first snapshot's GC to before the second's.
        String report = print(List.of(
                cpu(ServerKind.BARE, 10_000_000_000L, 10_500_000_000L, 13_200_000_000L),
                cpu(ServerKind.CRUMB, 20_000_000_000L, 21_000_000_000L, 26_400_000_000L),
                cpu(ServerKind.HTTPSESSION, 30_000_000_000L, 30_000_000_000L, 34_050_000_000L)));
        String unknown = print(List.of(run(ServerKind.BARE, 9_000, 0, 1, 1, 0, 0),
                run(ServerKind.CRUMB, 9_000, 0, 1, 1, 0, 0)));

        assertThat(report).contains("server JVM CPU per request: bare 10.00 us; crumb 20.00 us; httpsession 15.00 us;"
                + " crumb / bare 2.00 x; crumb / httpsession 1.33 x");
        assertThat(unknown).doesNotContain("CPU per request");
    }

    @Test
    @DisplayName("the report prints the JIT compiler threads' CPU in each measured run and the CPU per request without"
            + " it, and the warm-up order in its header")
    void jitCpu() {
        // 9 000 req/s for 30 s = 270 000 requests.
        String report = print(List.of(
                jit(ServerKind.BARE, 2_700_000_000L, 0),
                jit(ServerKind.CRUMB, 5_400_000_000L, 1_350_000_000L),
                jit(ServerKind.HTTPSESSION, 4_050_000_000L, 270_000_000L)));
        String unknown = print(List.of(jit(ServerKind.CRUMB, 5_400_000_000L, -1)));

        assertThat(report).contains("server JVM CPU per request: bare 10.00 us; crumb 20.00 us; httpsession 15.00 us;")
                .contains("JIT compiler threads' CPU in the measured run: bare 0 ms; crumb 1350 ms; httpsession 270 ms")
                .contains("server JVM CPU per request without the JIT's: bare 10.00 us; crumb 15.00 us; httpsession"
                        + " 14.00 us; crumb / bare 1.50 x; crumb / httpsession 1.07 x")
                .contains("(warm-up 10s, each)");
        assertThat(unknown).contains("server JVM CPU per request: crumb 20.00 us")
                .doesNotContain("JIT compiler").doesNotContain("without the JIT");
    }

    /** A run whose JVM used {@code cpu} and whose compiler threads {@code jit} of it (-1: not known). */
    private static LoadRun.ServerResult jit(ServerKind kind, long cpu, long jit) {
        return new LoadRun.ServerResult(kind, wrk(9_000, 0),
                new HeapSnapshot(1, 0, -1, -1, -1, -1, 0, 1_000, jit < 0 ? -1 : 500),
                new HeapSnapshot(1, 0, -1, -1, -1, -1, cpu + 1_000, cpu + 2_000, jit < 0 ? 7 : 500 + jit));
    }

    @Test
    @DisplayName("a snapshot survives the admin endpoint's JSON, the JIT's CPU included; an answer without it reads as unknown")
    void snapshotJson() {
        HeapSnapshot s = new HeapSnapshot(1, 2, 3, 4, 5, 6, 7, 8, 9);

        assertThat(HeapSnapshot.fromJson(s.toJson())).isEqualTo(s);
        assertThat(HeapSnapshot.fromJson("{\"heapUsedAfterGc\":1}").jitCpuNanos()).isEqualTo(-1);
    }

    @Test
    @DisplayName("with --replay-cookie the mode is named and the replayed visitor's consent log is judged: exactly one default")
    void replayedCookieConsentLog() {
        LoadOptions replay = LoadOptions.parse("--replay-cookie");
        String one = print(replay, List.of(new LoadRun.ServerResult(ServerKind.CRUMB, wrk(9_000, 0),
                new HeapSnapshot(1, 0, 0, 0), new HeapSnapshot(1, 0, 0, 0), new ReplayedCookie.ConsentLogCheck(1, 1))));
        String many = print(replay, List.of(new LoadRun.ServerResult(ServerKind.CRUMB, wrk(9_000, 0),
                new HeapSnapshot(1, 0, 0, 0), new HeapSnapshot(1, 0, 0, 0), new ReplayedCookie.ConsentLogCheck(20, 20))));

        assertThat(one).contains("crumb-bench load: one replayed cookie,")
                .contains("crumb consent log of the replayed visitor: 1 default record(s) of 1 shown (expected exactly 1: met)");
        assertThat(many).contains("20 default record(s) of 20 shown (expected exactly 1: MISSED)");
    }

    private static WrkResult wrk(double rps, long non2xx) {
        return new WrkResult((long) rps * 30, Duration.ofSeconds(30), rps, Duration.ofMillis(1),
                Duration.ofMillis(2), Duration.ofMillis(5), non2xx, WrkResult.SocketErrors.NONE);
    }

    private static LoadRun.ServerResult cpu(ServerKind kind, long beforeGc, long afterGc, long atEnd) {
        return new LoadRun.ServerResult(kind, wrk(9_000, 0), new HeapSnapshot(1, 0, -1, -1, -1, -1, beforeGc, afterGc),
                new HeapSnapshot(1, 0, -1, -1, -1, -1, atEnd, atEnd + 400_000_000L));
    }

    private static LoadRun.ServerResult run(ServerKind kind, double rps, long non2xx, long heapBefore, long heapAfter,
                                            long sessionsBefore, long sessionsAfter) {
        WrkResult wrk = new WrkResult((long) rps * 30, Duration.ofSeconds(30), rps, Duration.ofMillis(1),
                Duration.ofMillis(2), Duration.ofMillis(5), non2xx, WrkResult.SocketErrors.NONE);
        return new LoadRun.ServerResult(kind, wrk, new HeapSnapshot(heapBefore, sessionsBefore, -1),
                new HeapSnapshot(heapAfter, sessionsAfter, -1));
    }

    private static String print(List<LoadRun.ServerResult> results) {
        return print(OPTIONS, results);
    }

    private static String print(LoadOptions options, List<LoadRun.ServerResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadReport.print(options, results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
