package dev.crumb.internal.analytics;

import dev.crumb.TrackingMetrics;
import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.web.Endpoints;
import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.SecurityRecords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The analysts' side of Crumb, as the engine composes it: the endpoints below {@code <prefix>/analytics/}
 * and the answer behind {@code Crumb.isAnalyst}. {@link #off()} — no endpoints, so they answer 404, and
 * nobody is an analyst — unless an analyst password hash is configured.
 */
public interface AnalyticsFeature {

    /**
     * The feature for these settings: {@link #off()} without a password hash.
     *
     * @param analystCookieName the name of the analyst session cookie
     * @param reader            the store's analytics, or {@code null} when there is no store
     * @param records           the store's security records (analyst sign-outs), or {@code null} when there is no store
     * @throws IllegalStateException when a password hash is configured but there is no store
     */
    static AnalyticsFeature create(AnalyticsSettings settings, String analystCookieName, CookieKeys keys,
                                   boolean alwaysSecure, AnalyticsReader reader, SecurityRecords records,
                                   Supplier<TrackingMetrics> metrics, Clock clock, SecureRandom random) {
        if (!settings.enabled()) {
            LoggerFactory.getLogger(AnalyticsFeature.class)
                    .info("analytics endpoints are off: no analyst-password-hash is configured");
            return off();
        }
        return AnalystEndpoints.create(settings, analystCookieName, keys, alwaysSecure, reader, records, metrics, clock,
                random);
    }

    /** The feature when no analyst password hash is configured: no endpoints, nobody is an analyst. */
    static AnalyticsFeature off() {
        return AnalyticsOff.INSTANCE;
    }

    /** Adds the analytics endpoints (none when off). */
    void register(Endpoints endpoints, String prefix);

    /**
     * Records this use of a valid analyst session in its cookie (at most once a minute), so an analyst at
     * work is not signed out for being idle.
     */
    void attach(HttpServletRequest request, HttpServletResponse response);

    /** Whether the request carries a valid analyst session cookie (from the login form); never when off. */
    boolean isAnalyst(HttpServletRequest request);
}
