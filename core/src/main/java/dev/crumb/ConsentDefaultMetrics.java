package dev.crumb;

/**
 * A snapshot of how one {@link CrumbFilter} records consent defaults (a region default, a browser's
 * refusal signal) as proof: off the request thread, through a small bounded queue, once per visitor and
 * default. Counters run from the filter's start. Read it with {@link CrumbFilter#consentDefaultMetrics()}.
 *
 * @param recorded        defaults the store added
 * @param alreadyRecorded defaults the store already held (written by another server, or before a restart)
 * @param dropped         defaults not queued because the queue was full, or discarded while recording was
 *                        paused after a store failure; each is offered again on the visitor's next page
 * @param failedWrites    writes the store refused; recording then pauses for 30 seconds
 * @param queued          defaults waiting now: queued, or taken by the write in progress and not yet written
 */
public record ConsentDefaultMetrics(long recorded, long alreadyRecorded, long dropped, long failedWrites, long queued) {

    /** The metrics of a filter without a store: all zero. */
    public static final ConsentDefaultMetrics NONE = new ConsentDefaultMetrics(0, 0, 0, 0, 0);

    public ConsentDefaultMetrics {
        if (recorded < 0 || alreadyRecorded < 0 || dropped < 0 || failedWrites < 0 || queued < 0) {
            throw new IllegalArgumentException("consent default metrics are counts and cannot be negative");
        }
    }
}
