package dev.crumb.internal.tracking;

import dev.crumb.TrackingMetrics;
import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The tracker when tracking is off or there is no store: records nothing, counts nothing. */
enum TrackingOff implements PageTracker {
    INSTANCE;

    @Override
    public void afterResponse(HttpServletRequest request, HttpServletResponse response, VisitorSession session,
                              String path) {
        // Off: nothing is recorded.
    }

    @Override
    public TrackingMetrics metrics() {
        return TrackingMetrics.NONE;
    }

    @Override
    public void close() {
        // Off: no writer to stop.
    }
}
