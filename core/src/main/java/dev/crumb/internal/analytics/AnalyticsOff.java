package dev.crumb.internal.analytics;

import dev.crumb.internal.web.Endpoints;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The analysts' side when no password hash is configured: the endpoints answer 404, nobody is an analyst. */
enum AnalyticsOff implements AnalyticsFeature {
    INSTANCE;

    @Override
    public void register(Endpoints endpoints, String prefix) {
        // Off: no endpoints, so /crumb/analytics/* answers 404.
    }

    @Override
    public void attach(HttpServletRequest request, HttpServletResponse response) {
        // Off: no analyst session to refresh.
    }

    @Override
    public boolean isAnalyst(HttpServletRequest request) {
        return false;
    }
}
