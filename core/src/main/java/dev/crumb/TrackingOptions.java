package dev.crumb;

import static dev.crumb.CrumbConfigException.check;
import static dev.crumb.CrumbConfigException.naming;

import dev.crumb.internal.tracking.BotDetector;
import dev.crumb.internal.tracking.TrackingSettings;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.function.Function;

/**
 * The page-tracking options (see {@code docs/tracking.md}): whether page views are recorded, how they are
 * buffered and written to the store, which user agents are not counted, how paths are recorded, and how
 * long raw events and per-visit rows are kept. Build one with {@link #builder()} and give it to
 * {@link CrumbConfig.Builder#tracking(TrackingOptions)}, or use the shortcuts of {@link CrumbConfig.Builder}.
 */
public final class TrackingOptions {

    private final TrackingSettings settings;
    private final Period visitRetention;

    private TrackingOptions(TrackingSettings settings, Period visitRetention) {
        this.settings = settings;
        this.visitRetention = visitRetention;
    }

    /** A builder with every option at its default (tracking on). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = settings.enabled();
        b.bufferCapacity = settings.bufferCapacity();
        // A batch size equal to the one the capacity implies stays implied: a lower capacity set later lowers it.
        b.batchSize = settings.batchSize() == impliedBatchSize(settings.bufferCapacity()) ? null : settings.batchSize();
        b.flushInterval = settings.flushInterval();
        b.shutdownWait = settings.shutdownWait();
        b.retention = settings.retention();
        b.rawEvents = settings.rawEvents();
        b.botPatterns = settings.extraBotPatterns();
        b.pathNormaliser = settings.pathNormaliser();
        b.overflowWriterShare = settings.overflowWriterShare();
        b.visitRetention = visitRetention;
        return b;
    }

    /** Whether page views are recorded (they also need a store). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Page views held in memory on their way to the store. */
    public int bufferCapacity() {
        return settings.bufferCapacity();
    }

    /** Page views written to the store per batch. */
    public int batchSize() {
        return settings.batchSize();
    }

    /** The longest a page view waits in memory for its batch to fill. */
    public Duration flushInterval() {
        return settings.flushInterval();
    }

    /** How long stopping the filter may take to write what is buffered. */
    public Duration shutdownWait() {
        return settings.shutdownWait();
    }

    /** How long raw page-view events are kept. */
    public Duration retention() {
        return settings.retention();
    }

    /** Whether the store keeps a row per page view (raw events) beside the visits and daily aggregates. */
    public boolean rawEvents() {
        return settings.rawEvents();
    }

    /** The extra user-agent patterns not to count, on top of the shipped list. */
    public List<String> botPatterns() {
        return settings.extraBotPatterns();
    }

    /** The share of one core the tracking writer may take while the buffer overflows (1: no limit). */
    public double overflowWriterShare() {
        return settings.overflowWriterShare();
    }

    /** How long per-visit analytics rows are kept (default 25 months); aggregates are kept. */
    public Period visitRetention() {
        return visitRetention;
    }

    /** The batch size of a buffer of {@code capacity} when none is set: the default, at most the capacity. */
    private static int impliedBatchSize(int capacity) {
        return Math.min(TrackingSettings.DEFAULTS.batchSize(), capacity);
    }

    /** The pipeline's settings, for the engine. */
    TrackingSettings settings() {
        return settings;
    }

    /** Builds {@link TrackingOptions}; each setter checks its value and names the option in its error. */
    public static final class Builder {
        private boolean enabled = TrackingSettings.DEFAULTS.enabled();
        private int bufferCapacity = TrackingSettings.DEFAULTS.bufferCapacity();
        /** {@code null} until set: then the default, but never more than the buffer holds. */
        private Integer batchSize;
        private Duration flushInterval = TrackingSettings.DEFAULTS.flushInterval();
        private Duration shutdownWait = TrackingSettings.DEFAULTS.shutdownWait();
        private Duration retention = TrackingSettings.DEFAULTS.retention();
        private boolean rawEvents = TrackingSettings.DEFAULTS.rawEvents();
        private List<String> botPatterns = TrackingSettings.DEFAULTS.extraBotPatterns();
        private Function<String, String> pathNormaliser = TrackingSettings.DEFAULTS.pathNormaliser();
        private double overflowWriterShare = TrackingSettings.DEFAULTS.overflowWriterShare();
        private Period visitRetention = Periods.DEFAULT_VISIT_RETENTION;

        private Builder() {
        }

        /** Record page views (default on; needs a store). */
        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        /**
         * Page views held in memory on their way to the store, default 100 000. When the store falls behind
         * or is down, page views beyond this are dropped and counted; a crash loses at most this many plus one
         * batch.
         */
        public Builder bufferCapacity(int capacity) {
            check(capacity >= 100 && capacity <= 10_000_000, "tracking-buffer-capacity",
                    "tracking-buffer-capacity must be between 100 and 10000000, was " + capacity);
            this.bufferCapacity = capacity;
            return this;
        }

        /**
         * Page views written to the store per batch, default 5 000 (or the buffer capacity, when that is
         * smaller). A batch is written when it is full or its first page view has waited the flush interval.
         */
        public Builder batchSize(int size) {
            check(size >= 1 && size <= 10_000, "tracking-batch-size",
                    "tracking-batch-size must be between 1 and 10000, was " + size);
            this.batchSize = size;
            return this;
        }

        /** The longest a page view waits in memory for its batch to fill, default 1 second. */
        public Builder flushInterval(Duration interval) {
            check(interval != null && interval.toMillis() >= 10 && interval.compareTo(Duration.ofMinutes(1)) <= 0,
                    "tracking-flush-interval", "tracking-flush-interval must be between 10 ms and 1 minute, was " + interval);
            this.flushInterval = interval;
            return this;
        }

        /** How long stopping the filter may take to write what is buffered, default 10 seconds. */
        public Builder shutdownWait(Duration wait) {
            check(wait != null && !wait.isNegative() && wait.compareTo(Duration.ofMinutes(10)) <= 0,
                    "tracking-shutdown-wait", "tracking-shutdown-wait must be between 0 and 10 minutes, was " + wait);
            this.shutdownWait = wait;
            return this;
        }

        /** How long raw page-view events are kept, default 90 days; daily aggregates are kept longer. */
        public Builder retention(Duration retention) {
            check(retention != null && retention.toDays() >= 1 && retention.toDays() <= 3660, "tracking-retention",
                    "tracking-retention must be between 1 day and 3660 days, was " + retention);
            this.retention = retention;
            return this;
        }

        /**
         * Whether the store also keeps a row per page view ({@code crumb_page_view}: time, visitor key, visit,
         * path, country, language, referrer host) for {@link #retention(Duration)}, e.g. for a site's own SQL
         * over them. Default off: nothing in Crumb reads them (every number comes from the visits and the daily
         * aggregates), a per-page-view log is more than the analytics need, and writing it is most of the
         * store's work per page view for returning visitors. Init-param {@code tracking-raw-events}.
         */
        public Builder rawEvents(boolean keep) {
            this.rawEvents = keep;
            return this;
        }

        /**
         * Extra user-agent patterns not to count (case-insensitive regular expressions, found anywhere in the
         * {@code User-Agent}), on top of the shipped list of crawlers, monitors and scripts.
         */
        public Builder botPatterns(List<String> patterns) {
            check(patterns != null, "tracking-bot-patterns", "tracking-bot-patterns must not be null");
            this.botPatterns = naming("tracking-bot-patterns",
                    () -> patterns.stream().map(BotDetector::checked).toList());
            return this;
        }

        /**
         * Maps each recorded path (decoded, without query string) to the path kept, e.g.
         * {@code p -> p.replaceAll("^/products/\\d+$", "/products/{id}")}; returning {@code null} leaves the
         * page out. Default: the path as is. Must be fast and thread-safe. Builder only (no init-param).
         */
        public Builder pathNormaliser(Function<String, String> normaliser) {
            check(normaliser != null, "tracking-path-normaliser", "the tracking path normaliser must not be null");
            this.pathNormaliser = normaliser;
            return this;
        }

        /**
         * The share of one core the tracking writer may take while the buffer overflows, from 0.05 to 1 (1: no
         * limit). While page views are being dropped the store cannot keep up whatever the writer does, so after
         * each batch it rests in proportion to the batch's CPU time and leaves the rest to the pages
         * ({@code docs/tracking.md}, "The writer never starves the site"). Default: an eighth of the machine's
         * processors, at most 1 (a quarter of a core on 2 processors, no limit from 8). Set 1 to keep writing at
         * full speed during a flood, e.g. on a machine that serves nothing else.
         */
        public Builder overflowWriterShare(double share) {
            check(share >= 0.05 && share <= 1, "tracking-overflow-writer-share",
                    "tracking-overflow-writer-share must be between 0.05 and 1, was " + share);
            this.overflowWriterShare = share;
            return this;
        }

        /** How long per-visit analytics rows are kept, default 25 months (P25M); daily aggregates stay. */
        public Builder visitRetention(Period retention) {
            check(retention != null && Periods.within(retention, Period.ofDays(1), Period.ofYears(10)),
                    "visit-retention", "visit-retention must be between 1 day and 10 years, was " + retention);
            this.visitRetention = retention;
            return this;
        }

        /**
         * Checks how the options combine and builds them.
         *
         * @throws CrumbConfigException when the batch is larger than the buffer
         */
        public TrackingOptions build() {
            int batchSize = this.batchSize != null ? this.batchSize : impliedBatchSize(bufferCapacity);
            check(batchSize <= bufferCapacity, "tracking-batch-size", "tracking-batch-size (" + batchSize
                    + ") must not exceed tracking-buffer-capacity (" + bufferCapacity
                    + "); raise the capacity or lower the batch size");
            return new TrackingOptions(new TrackingSettings(enabled, bufferCapacity, batchSize, flushInterval,
                    shutdownWait, retention, rawEvents, botPatterns, pathNormaliser, overflowWriterShare), visitRetention);
        }
    }
}
