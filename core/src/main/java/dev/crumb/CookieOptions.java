package dev.crumb;

import static dev.crumb.CrumbConfigException.check;
import static dev.crumb.CrumbConfigException.naming;

import dev.crumb.internal.cookie.CookieKeys;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The visitor cookie's options: its keys, name and attributes, its lifetime, and how visits are cut.
 * Build one with {@link #builder()} and give it to {@link CrumbConfig.Builder#cookie}, or set the same
 * options through the shortcuts of {@link CrumbConfig.Builder}. Every option is checked as it is set and
 * their combination when the options are built, with a {@link CrumbConfigException} naming the option.
 *
 * <p>The keys are secrets: nothing here hands them out, and {@link #toString()} does not show them.
 */
public final class CookieOptions {

    private final CookieKeys keys;
    private final String hashKey;
    private final String name;
    private final boolean hostPrefix;
    private final boolean alwaysSecure;
    private final boolean partitioned;
    private final String domain;
    private final String path;
    private final Period lifetime;
    private final Duration visitTimeout;
    private final Duration lastSeenRefresh;

    private CookieOptions(Builder b) {
        this.keys = b.keys;
        this.hashKey = b.hashKey;
        this.name = b.name;
        this.hostPrefix = b.hostPrefix;
        this.alwaysSecure = b.alwaysSecure;
        this.partitioned = b.partitioned;
        this.domain = b.domain;
        this.path = b.path;
        this.lifetime = b.lifetime;
        this.visitTimeout = b.visitTimeout;
        this.lastSeenRefresh = b.lastSeenRefresh;
    }

    /** A builder with every option at its default; only {@link Builder#keys} must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.keys = keys;
        b.hashKey = hashKey;
        b.name = name;
        b.hostPrefix = hostPrefix;
        b.alwaysSecure = alwaysSecure;
        b.partitioned = partitioned;
        b.domain = domain;
        b.path = path;
        b.lifetime = lifetime;
        b.visitTimeout = visitTimeout;
        b.lastSeenRefresh = lastSeenRefresh;
        return b;
    }

    /** The cookie's base name (default {@code crumb}), without any {@code __Host-} prefix. */
    public String name() {
        return name;
    }

    /** The name as sent: with {@code __Host-} when {@link #hostPrefix()} is set. */
    public String effectiveName() {
        return hostPrefix ? "__Host-" + name : name;
    }

    /** Whether the cookie is named with the {@code __Host-} prefix (then always Secure, Path=/, no Domain). */
    public boolean hostPrefix() {
        return hostPrefix;
    }

    /** Whether the cookie is always {@code Secure}, not only on secure requests. */
    public boolean alwaysSecure() {
        return alwaysSecure || hostPrefix;
    }

    /** Whether the cookie carries the {@code Partitioned} attribute. */
    public boolean partitioned() {
        return partitioned;
    }

    /** The cookie's {@code Domain} attribute, or {@code null} for a host-only cookie (the default). */
    public String domain() {
        return domain;
    }

    /**
     * The cookie's {@code Path}, or {@code null} (the default) for the application's context path, so that
     * two applications in one container keep separate cookies; {@code /} with {@code host-prefix}.
     */
    public String path() {
        return path;
    }

    /**
     * How long the visitor cookie lives after the visitor's first visit (default 13 months): a fixed date,
     * never moved by later visits or refreshes; after it the visitor starts over with a new ID.
     */
    public Period lifetime() {
        return lifetime;
    }

    /** The {@link #lifetime()} as a duration in days, at most 400 (browsers cap cookies there). */
    public Duration maxAge() {
        return Duration.ofDays(Math.min(400, Periods.days(lifetime)));
    }

    /** Inactivity after which the next request starts a new visit (default 30 minutes). */
    public Duration visitTimeout() {
        return visitTimeout;
    }

    /** How stale the cookie's last-seen time may get before it is re-sent (default 1 minute). */
    public Duration lastSeenRefresh() {
        return lastSeenRefresh;
    }

    /** Whether a separate, stable hash key was given (else the engine derives one from the first cookie key). */
    public boolean hasHashKey() {
        return hashKey != null;
    }

    /** The key ring, for the engine's settings only. */
    CookieKeys keys() {
        return keys;
    }

    /** The base64url hash key, or {@code null}; for the engine's settings only. */
    String hashKey() {
        return hashKey;
    }

    /** Names the cookie and how many keys it has, never a key. */
    @Override
    public String toString() {
        return "CookieOptions[" + effectiveName() + ", " + keys.all().size() + " key(s)]";
    }

    /** Builds {@link CookieOptions}; each setter checks its value and names the option in its error. */
    public static final class Builder {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
        private static final Pattern DOMAIN = Pattern.compile("\\.?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

        private CookieKeys keys;
        private String hashKey;
        private String name = "crumb";
        private boolean hostPrefix;
        private boolean alwaysSecure;
        private boolean partitioned;
        private String domain;
        private String path;
        private Period lifetime = Periods.DEFAULT_COOKIE_MAX_AGE;
        private Duration visitTimeout = Duration.ofMinutes(30);
        private Duration lastSeenRefresh = Duration.ofMinutes(1);

        private Builder() {
        }

        /** The cookie keys as base64url strings, the sealing key first. Required. */
        public Builder keys(List<String> base64UrlKeys) {
            this.keys = naming("keys", () -> CookieKeys.parse(base64UrlKeys, "keys"));
            return this;
        }

        /** Same as {@link #keys(List)}. */
        public Builder keys(String... base64UrlKeys) {
            return keys(Arrays.asList(base64UrlKeys));
        }

        /**
         * The keys in the text form of {@code CRUMB_KEYS}: base64url keys separated by commas or line breaks,
         * the sealing key first (see {@link CrumbKeys#parse}).
         */
        public Builder keysText(String text) {
            this.keys = CookieKeys.parse(CrumbKeys.parse(text, "keys"), "keys");
            return this;
        }

        /**
         * A 32-byte base64url key for the keyed hashes of visitor IDs kept in the consent log and analytics.
         * Keep it stable: unlike cookie keys it must not rotate, or returning visitors count as new.
         */
        public Builder hashKey(String base64UrlKey) {
            check(base64UrlKey != null, "hash-key", "hash-key must not be null; leave it out to derive one");
            naming("hash-key", () -> CookieKeys.parse(List.of(base64UrlKey), "hash-key"));
            this.hashKey = base64UrlKey.trim();
            return this;
        }

        /** The cookie name, default {@code crumb}. */
        public Builder name(String name) {
            check(name != null && NAME.matcher(name).matches() && !name.startsWith("__"), "cookie-name",
                    "cookie-name '" + name + "' must be 1 to 64 letters, digits, '.', '_' or '-' and must not start "
                            + "with '__' (use host-prefix for __Host-)");
            this.name = name;
            return this;
        }

        /** Name the cookie {@code __Host-<name>}: browsers then insist on Secure, Path=/ and no Domain. */
        public Builder hostPrefix(boolean on) {
            this.hostPrefix = on;
            return this;
        }

        /** Always mark the cookie {@code Secure}, also on plain-HTTP requests (for TLS ended at a proxy). */
        public Builder alwaysSecure(boolean on) {
            this.alwaysSecure = on;
            return this;
        }

        /** Add {@code Partitioned}, for sites embedded in third-party frames. Partitioned cookies are Secure. */
        public Builder partitioned(boolean on) {
            this.partitioned = on;
            return this;
        }

        /**
         * The cookie's {@code Path}: default the application's context path ({@code /} at the root), so two
         * applications in one container (different keys) do not overwrite each other's cookie. Set {@code /}
         * to share the cookie with other applications of the host that use the same keys.
         */
        public Builder path(String path) {
            check(path != null && path.matches("/[A-Za-z0-9._~!$&'()*+,=:@/%-]{0,200}"), "cookie-path",
                    "cookie-path must be a path starting with / such as /shop, without ; or spaces, was '" + path + "'");
            this.path = path;
            return this;
        }

        /** The cookie's {@code Domain}, to share it with subdomains; {@code null} (default) keeps it host-only. */
        public Builder domain(String domain) {
            check(domain == null || DOMAIN.matcher(domain).matches(), "domain",
                    "domain '" + domain + "' is not a host name such as example.com");
            this.domain = domain;
            return this;
        }

        /** How long the cookie lives after the first visit, in days; the older form of {@link #lifetime}. */
        public Builder maxAge(Duration maxAge) {
            check(maxAge != null && !maxAge.isNegative() && !maxAge.isZero() && maxAge.toDays() <= 400, "max-age",
                    "max-age must be positive and at most 400 days (browsers cap cookies there), was " + maxAge);
            return lifetime(Period.ofDays(Math.max(1, (int) maxAge.toDays())));
        }

        /**
         * How long the visitor cookie lives after the visitor's first visit, default 13 months (P13M), at
         * most 13 months: the expiry is fixed then and refreshing the cookie never moves it.
         */
        public Builder lifetime(Period lifetime) {
            check(lifetime != null && Periods.within(lifetime, Period.ofDays(1), Period.ofMonths(13)), "cookie-max-age",
                    "cookie-max-age must be between 1 day and 13 months (P13M), was " + lifetime);
            this.lifetime = lifetime;
            return this;
        }

        /** Inactivity that ends a visit, default 30 minutes. */
        public Builder visitTimeout(Duration timeout) {
            check(timeout != null && timeout.compareTo(Duration.ofMinutes(1)) >= 0
                            && timeout.compareTo(Duration.ofDays(1)) <= 0, "visit-timeout",
                    "visit-timeout must be between 1 minute and 1 day, was " + timeout);
            this.visitTimeout = timeout;
            return this;
        }

        /** How stale the last-seen time in the cookie may get before it is re-sent, default 1 minute. */
        public Builder lastSeenRefresh(Duration refresh) {
            check(refresh != null && !refresh.isNegative(), "last-seen-refresh",
                    "last-seen-refresh must be zero or positive, was " + refresh);
            this.lastSeenRefresh = refresh;
            return this;
        }

        /**
         * Checks how the options combine and builds them.
         *
         * @throws CrumbConfigException when keys are missing or options contradict each other
         */
        public CookieOptions build() {
            check(keys != null, "keys", "CrumbConfig needs keys: call keys(...) with at least one 32-byte base64url "
                    + "key (generate one with `java -jar crumb-core.jar new-key`)");
            check(!hostPrefix || path == null || "/".equals(path), "cookie-path",
                    "host-prefix requires cookie-path / (a __Host- cookie always has Path=/); remove cookie-path or host-prefix");
            check(!hostPrefix || domain == null, "domain",
                    "host-prefix forbids domain: a __Host- cookie is host-only; remove one of them");
            check(lastSeenRefresh.compareTo(visitTimeout) < 0, "last-seen-refresh", "last-seen-refresh ("
                    + lastSeenRefresh + ") must be shorter than visit-timeout (" + visitTimeout
                    + "), or visits would split while the visitor is active");
            return new CookieOptions(this);
        }
    }
}
