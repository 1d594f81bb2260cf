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
 * The analysts' side of Crumb when an analyst password hash is configured: the endpoints below
 * {@code <prefix>/analytics/}, and who is signed in as the analyst.
 */
final class AnalystEndpoints implements AnalyticsFeature {

    private static final Logger LOG = LoggerFactory.getLogger(AnalystEndpoints.class);

    private final AnalystAccess access;
    private final AnalyticsReader reader;
    private final Supplier<TrackingMetrics> metrics;
    private final Clock clock;
    private final int maxRangeDays;

    private AnalystEndpoints(AnalystAccess access, AnalyticsReader reader, Supplier<TrackingMetrics> metrics, Clock clock,
                             int maxRangeDays) {
        this.access = access;
        this.reader = reader;
        this.metrics = metrics;
        this.clock = clock;
        this.maxRangeDays = maxRangeDays;
    }

    /** The feature for these settings, which configure a password hash; see {@link AnalyticsFeature#create}. */
    static AnalystEndpoints create(AnalyticsSettings settings, String analystCookieName, CookieKeys keys,
                                   boolean alwaysSecure, AnalyticsReader reader, SecurityRecords records,
                                   Supplier<TrackingMetrics> metrics, Clock clock, SecureRandom random) {
        if (reader == null) {
            throw new IllegalStateException("analyst-password-hash is set but no store is configured: the analytics "
                    + "endpoints read from the store — configure one with store(...) or remove the password hash");
        }
        AnalystSessions sessions = new AnalystSessions(analystCookieName, keys, settings.passwordHash(), clock,
                settings.sessionLifetime(), new AnalystSignOuts(records, clock), alwaysSecure);
        GuessLimiter limiter = new GuessLimiter(clock, settings.failuresPerAddress(), settings.failuresGlobal(),
                settings.maxLockout());
        return new AnalystEndpoints(new AnalystAccess(settings.passwordHash(), sessions, limiter, random), reader, metrics,
                clock, settings.maxRangeDays());
    }

    @Override
    public void register(Endpoints endpoints, String prefix) {
        endpoints.add("/analytics/login", new LoginEndpoint(access, prefix))
                .add("/analytics/logout", new LogoutEndpoint(access, prefix))
                .add("/analytics/summary", new AnalystGate(access, SummaryEndpoint.json(reader, clock, maxRangeDays)))
                .add("/analytics/summary.csv", new AnalystGate(access, SummaryEndpoint.csv(reader, clock, maxRangeDays)))
                .add("/analytics/metrics", new AnalystGate(access, new MetricsEndpoint(metrics)));
        LOG.info("analytics endpoints on under {}/analytics/", prefix);
    }

    @Override
    public void attach(HttpServletRequest request, HttpServletResponse response) {
        access.sessions().refreshed(request).ifPresent(cookie -> response.addHeader("Set-Cookie", cookie));
    }

    @Override
    public boolean isAnalyst(HttpServletRequest request) {
        return access.signedIn(request);
    }
}
