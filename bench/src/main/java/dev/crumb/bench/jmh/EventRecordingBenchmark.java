package dev.crumb.bench.jmh;

import dev.crumb.internal.tracking.EventBuffer;
import dev.crumb.internal.tracking.TrackedView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Recording throughput: request threads offering page views to the bounded {@link EventBuffer} while
 * one writer thread drains it in batches, as in production (minus the store). The figure to read is the
 * {@code record} operations per second of the group: it must stay at or above 1 million events/s.
 * Lives in the tracking package because draining is package-private in the library.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventRecordingBenchmark {

    private EventBuffer buffer;
    private TrackedView attributed;
    private TrackedView anonymous;

    @Setup
    public void setUp() {
        buffer = new EventBuffer(100_000);
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        attributed = new TrackedView(now, "AAAAAAAAAAAAAAAAAAAAAA", 3, "/products/c5-color-copier", "DE", "de", "news.example");
        anonymous = TrackedView.anonymous(now, "/products");
    }

    /** Per-thread counts of accepted and dropped offers, reported next to the throughput. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Outcome {
        public long accepted;
        public long dropped;

        void count(boolean ok) {
            if (ok) {
                accepted++;
            } else {
                dropped++;
            }
        }
    }

    /** Two request threads recording, one writer draining. */
    @Benchmark
    @Group("twoRecorders")
    @GroupThreads(2)
    public void record2(Outcome outcome) {
        outcome.count(buffer.offer(attributed));
    }

    @Benchmark
    @Group("twoRecorders")
    @GroupThreads(1)
    public void drain2(Blackhole bh) {
        drain(bh);
    }

    /** Four request threads recording (more threads than cores: contention), one writer draining. */
    @Benchmark
    @Group("fourRecorders")
    @GroupThreads(4)
    public void record4(Outcome outcome) {
        outcome.count(buffer.offer(anonymous));
    }

    @Benchmark
    @Group("fourRecorders")
    @GroupThreads(1)
    public void drain4(Blackhole bh) {
        drain(bh);
    }

    private final ThreadLocal<List<TrackedView>> batch = ThreadLocal.withInitial(() -> new ArrayList<>(500));

    private void drain(Blackhole bh) {
        List<TrackedView> b = batch.get();
        b.clear();
        bh.consume(buffer.drainTo(b, 500));
    }
}
