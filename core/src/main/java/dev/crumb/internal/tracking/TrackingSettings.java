package dev.crumb.internal.tracking;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The tracking options of {@link dev.crumb.CrumbConfig}, checked as a whole. The builder of
 * {@code CrumbConfig} checks each option as it is set; this record checks how they combine.
 *
 * @param enabled        whether page views are recorded at all (they also need a store)
 * @param bufferCapacity events held in memory before new ones are dropped
 * @param batchSize      events written per call of the sink
 * @param flushInterval  how long an event may wait for its batch to fill
 * @param shutdownWait   how long a graceful stop may take to write what is buffered
 * @param retention      how long raw page-view events are kept
 * @param extraBotPatterns regular expressions for user agents not to count, on top of the shipped list
 * @param pathNormaliser maps a sanitised path to the path recorded; {@code null} leaves the page out
 * @param overflowWriterShare the share of one core the writer may take while the buffer overflows, above 0 and at
 *                       most 1 (1: no limit); by default an eighth of the machine's processors, at most 1
 */
public record TrackingSettings(boolean enabled, int bufferCapacity, int batchSize, Duration flushInterval,
                               Duration shutdownWait, Duration retention, boolean rawEvents,
                               List<String> extraBotPatterns,
                               Function<String, String> pathNormaliser, double overflowWriterShare) {

    /**
     * The defaults: on, 100 000 events, batches of 5 000 or 1 s, 10 s to stop, no raw events (90 days if kept).
     * The writer's cost per page view falls with the size of its batch (a batch reads and rewrites each of its
     * visitors' rows and each day's aggregate rows once, however many page views share them): at 500 the writer
     * took twice the CPU per page view of 5 000 (docs/performance.md, "Round 8").
     */
    public static final TrackingSettings DEFAULTS = new TrackingSettings(true, 100_000, 5_000, Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofDays(90), false, List.of(), UnaryOperator.identity(),
            EventWriter.machineOverloadShare(Runtime.getRuntime().availableProcessors()));

    public TrackingSettings {
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(shutdownWait, "shutdownWait");
        Objects.requireNonNull(retention, "retention");
        extraBotPatterns = List.copyOf(extraBotPatterns);
        Objects.requireNonNull(pathNormaliser, "pathNormaliser");
        if (!(overflowWriterShare > 0 && overflowWriterShare <= 1)) {
            throw new IllegalArgumentException("overflowWriterShare must be above 0 and at most 1, was "
                    + overflowWriterShare);
        }
        if (batchSize > bufferCapacity) {
            throw new IllegalStateException("tracking-batch-size (" + batchSize + ") must not exceed tracking-buffer-capacity ("
                    + bufferCapacity + "); raise the capacity or lower the batch size");
        }
    }
}
