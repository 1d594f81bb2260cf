package dev.crumb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order in which {@link LoadRun} warms up and measures the servers, with a stand-in for wrk (a shell script
 * that logs its duration and URL and prints a report wrk 4.1.0 printed) and a stand-in heap probe that logs each
 * snapshot and reports page views waiting in Crumb's buffer as told.
 */
class LoadRunTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("each (the default): every server warms up right before its own measured run; bare's and"
            + " httpsession's runs wait until Crumb's tracking buffer is empty, Crumb's own does not")
    void each() throws Exception {
        Path log = dir.resolve("log");
        FakeHeap heap = new FakeHeap(log, 0, 0, 7, 5000, 3, 0);
        LoadOptions options = LoadOptions.parse("--duration", "1s", "--warmup", "2s", "--wrk", fakeWrk(log).toString(),
                "--port-base", "18080");

        List<LoadRun.ServerResult> results = new LoadRun(options, heap, quiet()).run();

        assertThat(Files.readAllLines(log)).containsExactly(
                "wrk -d2s http://127.0.0.1:18080/hello", "heap 0", "wrk -d1s http://127.0.0.1:18080/hello", "heap 0",
                "wrk -d2s http://127.0.0.1:18081/hello", "heap 7", "wrk -d1s http://127.0.0.1:18081/hello", "heap 5000",
                "wrk -d2s http://127.0.0.1:18082/hello", "heap 3", "heap 0", "wrk -d1s http://127.0.0.1:18082/hello",
                "heap 0");
        assertThat(results).extracting(LoadRun.ServerResult::server)
                .containsExactly(ServerKind.BARE, ServerKind.CRUMB, ServerKind.HTTPSESSION);
        assertThat(results.get(1).before().trackedEvents()).isEqualTo(7);
        assertThat(results.get(2).before().trackedEvents()).isZero();
        assertThat(results.get(1).wrk().requests()).isEqualTo(2346);
    }

    @Test
    @DisplayName("all-first: every server warms up before the first is measured, and each measured run waits until"
            + " Crumb's tracking buffer is empty")
    void allFirst() throws Exception {
        Path log = dir.resolve("log");
        FakeHeap heap = new FakeHeap(log, 5, 2, 0);
        LoadOptions options = LoadOptions.parse("--duration", "1s", "--warmup", "2s", "--wrk", fakeWrk(log).toString(),
                "--warmup-order", "all-first");

        List<LoadRun.ServerResult> results = new LoadRun(options, heap, quiet()).run();

        assertThat(Files.readAllLines(log)).containsExactly(
                "wrk -d2s http://127.0.0.1:18080/hello", "wrk -d2s http://127.0.0.1:18081/hello",
                "wrk -d2s http://127.0.0.1:18082/hello",
                "heap 5", "heap 2", "heap 0", "wrk -d1s http://127.0.0.1:18080/hello", "heap 0",
                "heap 0", "wrk -d1s http://127.0.0.1:18081/hello", "heap 0",
                "heap 0", "wrk -d1s http://127.0.0.1:18082/hello", "heap 0");
        assertThat(results.get(0).before().trackedEvents()).isZero();
    }

    /** A wrk stand-in: logs its duration and URL, prints a real wrk report. */
    private Path fakeWrk(Path log) throws IOException {
        Path sample = dir.resolve("ok-latency.txt");
        try (InputStream in = LoadRunTest.class.getResourceAsStream("/wrk/ok-latency.txt")) {
            Files.write(sample, in.readAllBytes());
        }
        Path script = dir.resolve("wrk");
        // Arguments as Wrk.command builds them: -tN -cN -dNs --latency -s SCRIPT URL.
        Files.writeString(script, "#!/bin/sh\necho \"wrk $3 $7\" >> '" + log + "'\ncat '" + sample + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Snapshots whose waiting page views are taken in turn from those given, then 0; each logged. */
    private static final class FakeHeap implements Supplier<HeapSnapshot> {
        private final Path log;
        private final Deque<Long> waiting = new ArrayDeque<>();

        FakeHeap(Path log, long... waiting) {
            this.log = log;
            for (long w : waiting) {
                this.waiting.add(w);
            }
        }

        @Override
        public HeapSnapshot get() {
            long w = waiting.isEmpty() ? 0 : waiting.poll();
            try {
                Files.writeString(log, "heap " + w + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new HeapSnapshot(1, 0, w);
        }
    }
}
