package dev.crumb;

/**
 * A snapshot of the page-view pipeline of one {@link CrumbFilter}: events go from requests into a
 * bounded buffer and from there, in batches, to the store. Counters run from the filter's start. Read it
 * with {@link CrumbFilter#metrics()} or as JSON at {@code /crumb/analytics/metrics} (analysts only).
 *
 * @param recorded     page views accepted into the buffer
 * @param written      page views the store confirmed
 * @param dropped      page views dropped because the buffer was full (or the filter was stopping)
 * @param failedWrites batch writes the store refused; each such batch is kept and retried
 * @param abandoned    page views still unwritten when a stop ran out of time
 * @param queued       page views accepted and not yet written or abandoned: in the buffer, or in the batch the
 *                     writer is gathering, writing or retrying
 */
public record TrackingMetrics(long recorded, long written, long dropped, long failedWrites, long abandoned,
                              long queued) {

    /** The metrics of a filter that does not track (tracking off, or no store): all zero. */
    public static final TrackingMetrics NONE = new TrackingMetrics(0, 0, 0, 0, 0, 0);

    public TrackingMetrics {
        if (recorded < 0 || written < 0 || dropped < 0 || failedWrites < 0 || abandoned < 0 || queued < 0) {
            throw new IllegalArgumentException("tracking metrics are counts and cannot be negative");
        }
    }
}
