package dev.crumb.internal.analytics;

import java.time.Duration;
import java.util.Objects;

/**
 * The analyst options of {@link dev.crumb.CrumbConfig}.
 *
 * @param passwordHash       the analyst password hash, or {@code null}: then the analytics endpoints are off (404)
 * @param sessionLifetime    how long a form login lasts
 * @param failuresPerAddress failed logins a client address may make before lock-outs start
 * @param failuresGlobal     failed logins all clients together may make before lock-outs start
 * @param maxLockout         the longest lock-out
 * @param maxRangeDays       the most days one summary may cover
 */
public record AnalyticsSettings(PasswordHash passwordHash, Duration sessionLifetime, int failuresPerAddress,
                                int failuresGlobal, Duration maxLockout, int maxRangeDays) {

    /** The defaults: off (no password), 8-hour sessions, 5 and 100 free failures, 15 minutes, 3 years. */
    public static final AnalyticsSettings DEFAULTS = new AnalyticsSettings(null, Duration.ofHours(8), 5, 100,
            Duration.ofMinutes(15), 1096);

    public AnalyticsSettings {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(maxLockout, "maxLockout");
    }

    /** Whether the analytics endpoints are on. */
    public boolean enabled() {
        return passwordHash != null;
    }
}
