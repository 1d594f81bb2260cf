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
 */
public record HeapSnapshot(long heapUsedAfterGc, long sessionsCreated, long trackedEvents, long droppedEvents,
                           long writtenEvents, long writerCpuNanos) {

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
                .toString();
    }

    /** Reads what {@link #toJson} wrote. */
    public static HeapSnapshot fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new HeapSnapshot(n.path("heapUsedAfterGc").asLong(-1), n.path("sessionsCreated").asLong(-1),
                    n.path("trackedEvents").asLong(-1), n.path("droppedEvents").asLong(-1),
                    n.path("writtenEvents").asLong(-1), n.path("writerCpuNanos").asLong(-1));
        } catch (IOException e) {
            throw new UncheckedIOException("the admin endpoint did not answer with a heap snapshot", e);
        }
    }
}
