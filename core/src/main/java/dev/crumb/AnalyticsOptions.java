package dev.crumb;

import static dev.crumb.CrumbConfigException.check;
import static dev.crumb.CrumbConfigException.naming;

import dev.crumb.internal.analytics.AnalyticsSettings;
import dev.crumb.internal.analytics.PasswordHash;
import java.time.Duration;

/**
 * The analyst options: the password hash that turns the analytics endpoints under
 * {@code /crumb/analytics/} on, how long an analyst stays signed in, the guess limits of the login form
 * and the longest range one summary may cover. Build one with {@link #builder()} and give it to
 * {@link CrumbConfig.Builder#analytics(AnalyticsOptions)}, or use the shortcuts of {@link CrumbConfig.Builder}.
 * The password hash is not handed out again.
 */
public final class AnalyticsOptions {

    private final AnalyticsSettings settings;

    private AnalyticsOptions(AnalyticsSettings settings) {
        this.settings = settings;
    }

    /** A builder with every option at its default (analytics endpoints off). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.passwordHash = settings.passwordHash();
        b.sessionLifetime = settings.sessionLifetime();
        b.failuresPerAddress = settings.failuresPerAddress();
        b.failuresGlobal = settings.failuresGlobal();
        b.maxLockout = settings.maxLockout();
        b.maxRangeDays = settings.maxRangeDays();
        return b;
    }

    /** Whether the analytics endpoints are on (an analyst password hash is configured). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The longest an analyst stays signed in after the login form. */
    public Duration sessionLifetime() {
        return settings.sessionLifetime();
    }

    /** Analyst password checks one client address may have in a row before lock-outs start. */
    public int failuresPerAddress() {
        return settings.failuresPerAddress();
    }

    /** Analyst password checks all clients together may have in a row before lock-outs start. */
    public int failuresGlobal() {
        return settings.failuresGlobal();
    }

    /** The longest lock-out after repeated failed analyst logins. */
    public Duration maxLockout() {
        return settings.maxLockout();
    }

    /** The longest range one analytics summary may cover. */
    public Duration maxRange() {
        return Duration.ofDays(settings.maxRangeDays());
    }

    /** The analyst settings, for the engine. */
    AnalyticsSettings settings() {
        return settings;
    }

    /** Builds {@link AnalyticsOptions}; each setter checks its value and names the option in its error. */
    public static final class Builder {
        private PasswordHash passwordHash = AnalyticsSettings.DEFAULTS.passwordHash();
        private Duration sessionLifetime = AnalyticsSettings.DEFAULTS.sessionLifetime();
        private int failuresPerAddress = AnalyticsSettings.DEFAULTS.failuresPerAddress();
        private int failuresGlobal = AnalyticsSettings.DEFAULTS.failuresGlobal();
        private Duration maxLockout = AnalyticsSettings.DEFAULTS.maxLockout();
        private int maxRangeDays = AnalyticsSettings.DEFAULTS.maxRangeDays();

        private Builder() {
        }

        /**
         * Turns on the analytics endpoints under {@code /crumb/analytics/} with this analyst password hash,
         * made by {@link AnalystPassword#hash}. Without it (the default) those endpoints answer 404.
         */
        public Builder analystPasswordHash(String hash) {
            this.passwordHash = naming("analyst-password-hash", () -> PasswordHash.parse(hash));
            return this;
        }

        /**
         * The longest an analyst stays signed in after the login form, default 8 hours; a session also ends
         * after 30 minutes without use, and on sign-out on every server of the store.
         */
        public Builder sessionLifetime(Duration lifetime) {
            check(lifetime != null && lifetime.compareTo(Duration.ofMinutes(5)) >= 0
                            && lifetime.compareTo(Duration.ofDays(7)) <= 0, "analyst-session-lifetime",
                    "analyst-session-lifetime must be between 5 minutes and 7 days, was " + lifetime);
            this.sessionLifetime = lifetime;
            return this;
        }

        /**
         * Analyst password checks one client address may have in a row, default 5: each is counted before it
         * runs (a right password gives it back), and the last starts growing lock-outs.
         */
        public Builder failuresPerAddress(int failures) {
            check(failures >= 1 && failures <= 1000, "analyst-failures-per-address",
                    "analyst-failures-per-address must be between 1 and 1000, was " + failures);
            this.failuresPerAddress = failures;
            return this;
        }

        /** Analyst password checks all clients together may have in a row, default 100; as per address. */
        public Builder failuresGlobal(int failures) {
            check(failures >= 1 && failures <= 1_000_000, "analyst-failures-global",
                    "analyst-failures-global must be between 1 and 1000000, was " + failures);
            this.failuresGlobal = failures;
            return this;
        }

        /** The longest lock-out after repeated failed analyst logins, default 15 minutes. */
        public Builder maxLockout(Duration lockout) {
            check(lockout != null && lockout.compareTo(Duration.ofSeconds(1)) >= 0
                            && lockout.compareTo(Duration.ofDays(1)) <= 0, "analyst-max-lockout",
                    "analyst-max-lockout must be between 1 second and 1 day, was " + lockout);
            this.maxLockout = lockout;
            return this;
        }

        /** The longest range one analytics summary may cover, default 1096 days (3 years); in whole days. */
        public Builder maxRange(Duration range) {
            check(range != null && range.toDays() >= 1 && range.toDays() <= 3660, "analytics-max-range",
                    "analytics-max-range must be between 1 and 3660 days (e.g. P1096D), was " + range);
            this.maxRangeDays = (int) range.toDays();
            return this;
        }

        /** Builds the analyst options (each option was checked as it was set). */
        public AnalyticsOptions build() {
            return new AnalyticsOptions(new AnalyticsSettings(passwordHash, sessionLifetime, failuresPerAddress,
                    failuresGlobal, maxLockout, maxRangeDays));
        }
    }
}
