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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysts' side of Crumb, as the engine composes it: the endpoints below
 * {@code <prefix>/analytics/} and the request attribute behind {@code Crumb.isAnalyst}. Off — no
 * endpoints, so they answer 404, and nobody is an analyst — unless an analyst password hash is
 * configured.
 */
public final class AnalyticsFeature {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsFeature.class);

    private final AnalystAccess access;
    private final AnalyticsReader reader;
    private final Supplier<TrackingMetrics> metrics;
    private final Clock clock;
    private final int maxRangeDays;

    private AnalyticsFeature(AnalystAccess access, AnalyticsReader reader, Supplier<TrackingMetrics> metrics, Clock clock,
                             int maxRangeDays) {
        this.access = access;
        this.reader = reader;
        this.metrics = metrics;
        this.clock = clock;
        this.maxRangeDays = maxRangeDays;
    }

    /**
     * The feature for these settings.
     *
     * @param analystCookieName the name of the analyst session cookie
     * @param reader            the store's analytics, or {@code null} when there is no store
     * @param records           the store's security records (analyst sign-outs), or {@code null} when there is no store
     */
    public static AnalyticsFeature create(AnalyticsSettings settings, String analystCookieName, CookieKeys keys,
                                          boolean alwaysSecure, AnalyticsReader reader, SecurityRecords records,
                                          Supplier<TrackingMetrics> metrics, Clock clock, SecureRandom random) {
        if (!settings.enabled()) {
            LOG.info("analytics endpoints are off: no analyst-password-hash is configured");
            return new AnalyticsFeature(null, null, metrics, clock, settings.maxRangeDays());
        }
        if (reader == null) {
            throw new IllegalStateException("analyst-password-hash is set but no store is configured: the analytics "
                    + "endpoints read from the store — configure one with store(...) or remove the password hash");
        }
        AnalystSessions sessions = new AnalystSessions(analystCookieName, keys, settings.passwordHash(), clock,
                settings.sessionLifetime(), new AnalystSignOuts(records, clock), alwaysSecure);
        GuessLimiter limiter = new GuessLimiter(clock, settings.failuresPerAddress(), settings.failuresGlobal(),
                settings.maxLockout());
        return new AnalyticsFeature(new AnalystAccess(settings.passwordHash(), sessions, limiter, random), reader, metrics,
                clock, settings.maxRangeDays());
    }

    /** Adds the analytics endpoints, when the feature is on. */
    public void register(Endpoints endpoints, String prefix) {
        if (access == null) {
            return;
        }
        endpoints.add("/analytics/login", new LoginEndpoint(access, prefix))
                .add("/analytics/logout", new LogoutEndpoint(access, prefix))
                .add("/analytics/summary", new AnalystGate(access, SummaryEndpoint.json(reader, clock, maxRangeDays)))
                .add("/analytics/summary.csv", new AnalystGate(access, SummaryEndpoint.csv(reader, clock, maxRangeDays)))
                .add("/analytics/metrics", new AnalystGate(access, new MetricsEndpoint(metrics)));
        LOG.info("analytics endpoints on under {}/analytics/", prefix);
    }

    /**
     * Makes the request answerable by {@link #isAnalyst}, and records this use of a valid analyst session
     * in its cookie (at most once a minute), so an analyst at work is not signed out for being idle.
     */
    public void attach(HttpServletRequest request, HttpServletResponse response) {
        if (access != null) {
            request.setAttribute(AnalystAccess.ATTRIBUTE, access);
            access.sessions().refreshed(request).ifPresent(cookie -> response.addHeader("Set-Cookie", cookie));
        }
    }

    /** Whether the request carries a valid analyst session cookie (from the login form). */
    public static boolean isAnalyst(HttpServletRequest request) {
        return request.getAttribute(AnalystAccess.ATTRIBUTE) instanceof AnalystAccess a && a.signedIn(request);
    }
}
