package dev.crumb.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The servers' heap after a full GC, with the counters that let a heap delta be divided per visitor.
 *
 * @param heapUsedAfterGc bytes of heap in use right after {@code System.gc()}
 * @param sessionsCreated {@code HttpSession}s the session server has created since it started
 * @param trackedEvents   events waiting in Crumb's tracking buffer, or -1 while Crumb has no tracking
 *                        metrics to ask
 * @param droppedEvents   page views Crumb's tracking buffer has dropped since the start, or -1 as above
 * @param writtenEvents   page views Crumb's tracking writer has written since the start, or -1 as above
 * @param writerCpuNanos  CPU time of Crumb's tracking writer thread since the start, or -1 when it is not known
 * @param cpuBeforeGcNanos CPU time of the servers' whole JVM (every thread) when the snapshot began, before its
 *                        GC; -1 when it is not known
 * @param cpuAfterGcNanos the same after the snapshot's GC, so that a measured run's CPU leaves the GCs out
 * @param jitCpuNanos     CPU time of the JVM's JIT compiler threads since the start ({@link JitCpu}), or -1 when
 *                        it is not known
 */
public record HeapSnapshot(long heapUsedAfterGc, long sessionsCreated, long trackedEvents, long droppedEvents,
                           long writtenEvents, long writerCpuNanos, long cpuBeforeGcNanos, long cpuAfterGcNanos,
                           long jitCpuNanos) {

    /** A snapshot without the JIT's CPU time. */
    public HeapSnapshot(long heapUsedAfterGc, long sessionsCreated, long trackedEvents, long droppedEvents,
                        long writtenEvents, long writerCpuNanos, long cpuBeforeGcNanos, long cpuAfterGcNanos) {
        this(heapUsedAfterGc, sessionsCreated, trackedEvents, droppedEvents, writtenEvents, writerCpuNanos,
                cpuBeforeGcNanos, cpuAfterGcNanos, -1);
    }

    /** A snapshot without the JVM's CPU time. */
    public HeapSnapshot(long heapUsedAfterGc, long sessionsCreated, long trackedEvents, long droppedEvents,
                        long writtenEvents, long writerCpuNanos) {
        this(heapUsedAfterGc, sessionsCreated, trackedEvents, droppedEvents, writtenEvents, writerCpuNanos, -1, -1);
    }

    /**
     * CPU time the servers' JVM spent from the end of {@code before} (after its GC) to the start of this
     * snapshot (before its GC): the measured run's, with every thread of every server, the JIT and the
     * collector in it; -1 when either is not known.
     */
    public long cpuSince(HeapSnapshot before) {
        return before.cpuAfterGcNanos < 0 || cpuBeforeGcNanos < 0 ? -1 : cpuBeforeGcNanos - before.cpuAfterGcNanos;
    }

    /**
     * CPU time of the JIT's compiler threads from the end of {@code before} to the start of this snapshot, as
     * {@link #cpuSince} counts the whole JVM's: a measured run in which the JIT was still compiling carries that
     * one-time cost, which a server that has run for a while no longer pays per request; -1 when either is not
     * known, or when a compiler thread ended in between (its time went with it).
     */
    public long jitCpuSince(HeapSnapshot before) {
        long delta = jitCpuNanos - before.jitCpuNanos;
        return before.jitCpuNanos < 0 || jitCpuNanos < 0 || delta < 0 ? -1 : delta;
    }

    /** A snapshot without the writer's counters (servers that do not report them). */
    public HeapSnapshot(long heapUsedAfterGc, long sessionsCreated, long trackedEvents, long droppedEvents) {
        this(heapUsedAfterGc, sessionsCreated, trackedEvents, droppedEvents, -1, -1);
    }

    /** A snapshot without the dropped count (servers that do not report it). */
    public HeapSnapshot(long heapUsedAfterGc, long sessionsCreated, long trackedEvents) {
        this(heapUsedAfterGc, sessionsCreated, trackedEvents, -1);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The snapshot as the admin endpoint sends it. */
    public String toJson() {
        return JSON.createObjectNode()
                .put("heapUsedAfterGc", heapUsedAfterGc)
                .put("sessionsCreated", sessionsCreated)
                .put("trackedEvents", trackedEvents)
                .put("droppedEvents", droppedEvents)
                .put("writtenEvents", writtenEvents)
                .put("writerCpuNanos", writerCpuNanos)
                .put("cpuBeforeGcNanos", cpuBeforeGcNanos)
                .put("cpuAfterGcNanos", cpuAfterGcNanos)
                .put("jitCpuNanos", jitCpuNanos)
                .toString();
    }

    /** Reads what {@link #toJson} wrote. */
    public static HeapSnapshot fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new HeapSnapshot(n.path("heapUsedAfterGc").asLong(-1), n.path("sessionsCreated").asLong(-1),
                    n.path("trackedEvents").asLong(-1), n.path("droppedEvents").asLong(-1),
                    n.path("writtenEvents").asLong(-1), n.path("writerCpuNanos").asLong(-1),
                    n.path("cpuBeforeGcNanos").asLong(-1), n.path("cpuAfterGcNanos").asLong(-1),
                    n.path("jitCpuNanos").asLong(-1));
        } catch (IOException e) {
            throw new UncheckedIOException("the admin endpoint did not answer with a heap snapshot", e);
        }
    }
}
