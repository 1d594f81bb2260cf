package dev.crumb.internal.tracking;

import dev.crumb.TrackingMetrics;
import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.internal.visitor.VisitorSession;
import dev.crumb.store.EventSink;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Records page views after the application has answered. Either a running pipeline (a queue and a writer
 * thread, see {@link QueuedPageTracker}) or {@link #off()}, which records nothing: the request flow calls
 * it the same way in both cases.
 */
public interface PageTracker extends AutoCloseable {

    /**
     * A running tracker writing to {@code sink}, or {@link #off()} when tracking is off or there is no sink.
     */
    static PageTracker start(TrackingSettings settings, String crumbPrefix, EventSink sink, VisitorHasher hasher,
                             Clock clock, RetryBackoff backoff) {
        Objects.requireNonNull(settings, "settings");
        if (!settings.enabled() || sink == null) {
            LoggerFactory.getLogger(PageTracker.class).info("page tracking is off: {}",
                    settings.enabled() ? "no store is configured" : "tracking=false");
            return off();
        }
        return QueuedPageTracker.start(settings, crumbPrefix, sink, hasher, clock, backoff);
    }

    /** A tracker that records nothing and counts nothing. */
    static PageTracker off() {
        return TrackingOff.INSTANCE;
    }

    /**
     * Records the request if it was a page view. Call it after the application answered and the cookie
     * was written. Never throws.
     *
     * @param path the path within the application, as the request named it (percent-encoded)
     */
    void afterResponse(HttpServletRequest request, HttpServletResponse response, VisitorSession session, String path);

    /** The pipeline's counters; all zero when off. */
    TrackingMetrics metrics();

    /** Writes what is buffered (bounded by the shutdown wait) and stops the writer; nothing when off. */
    @Override
    void close();
}
