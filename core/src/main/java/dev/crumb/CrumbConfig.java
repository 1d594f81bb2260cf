package dev.crumb;

import dev.crumb.internal.analytics.AnalyticsSettings;
import dev.crumb.internal.analytics.PasswordHash;
import dev.crumb.internal.consent.CookieRegistry;
import dev.crumb.internal.consent.CookieRule;
import dev.crumb.internal.consent.OptInRegions;
import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.tracking.BotDetector;
import dev.crumb.internal.tracking.TrackingSettings;
import dev.crumb.internal.locale.Countries;
import dev.crumb.internal.locale.Languages;
import dev.crumb.internal.form.FormFieldPolicy;
import dev.crumb.internal.web.CookieRequirement;
import dev.crumb.store.CrumbStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The immutable configuration of a {@link CrumbFilter}. Build one with {@link #builder()}, or let the
 * filter read {@code web.xml} init-params through {@link #fromInitParameters}. Every option is checked
 * when the configuration is built, so a mistake fails at start-up with a message that names the option,
 * never on the first request. {@code docs/configuration.md} lists every option with its default.
 */
public final class CrumbConfig {

    /** The default {@code lastUpdate} of {@code /.well-known/gpc.json}: when Crumb began honouring GPC. */
    public static final LocalDate DEFAULT_GPC_LAST_UPDATE = LocalDate.of(2026, 3, 1);

    private final CookieKeys keys;
    private final String hashKey;
    private final String cookieName;
    private final boolean hostPrefix;
    private final boolean alwaysSecure;
    private final boolean partitioned;
    private final String domain;
    private final String cookiePath;
    private final Duration maxAge;
    private final Duration visitTimeout;
    private final Duration lastSeenRefresh;
    private final String pathPrefix;
    private final String countryHeader;
    private final String defaultCountry;
    private final String defaultLanguage;
    private final List<String> languages;
    private final Clock clock;
    private final SecureRandom random;
    private final CrumbStore store;
    // Tracking and analytics
    private final TrackingSettings tracking;
    private final AnalyticsSettings analytics;
    private final CookieRegistry cookieRegistry;
    private final Set<String> optInCountries;
    private final boolean honourDnt;
    private final LocalDate gpcLastUpdate;
    private final int policyRevision;
    private final FormFieldPolicy formFields;
    private final List<String> cookieRequiredPaths;
    private final UnsubscribeConfirmations unsubscribeConfirmations;
    private final ConsentRetention consentRetention;
    // Texts
    private final String messagesBundle;
    private final Map<String, Map<String, String>> messages;

    private CrumbConfig(Builder b) {
        this.keys = b.keys;
        this.hashKey = b.hashKey;
        this.cookieName = b.cookieName;
        this.hostPrefix = b.hostPrefix;
        this.alwaysSecure = b.alwaysSecure;
        this.partitioned = b.partitioned;
        this.domain = b.domain;
        this.cookiePath = b.cookiePath;
        this.maxAge = b.maxAge;
        this.visitTimeout = b.visitTimeout;
        this.lastSeenRefresh = b.lastSeenRefresh;
        this.pathPrefix = b.pathPrefix;
        this.countryHeader = b.countryHeader;
        this.defaultCountry = b.defaultCountry;
        this.defaultLanguage = b.defaultLanguage;
        this.languages = List.copyOf(b.languages);
        this.clock = b.clock;
        this.random = b.random;
        this.store = b.store;
        this.tracking = b.trackingSettings();
        this.analytics = b.analyticsSettings();
        this.cookieRegistry = new CookieRegistry(b.cookieRules, b.unregisteredCookieCategory,
                Set.of(effectiveCookieName(), analystCookieName(), CookieRegistry.SESSION_COOKIE));
        this.optInCountries = Set.copyOf(b.optInCountries);
        this.honourDnt = b.honourDnt;
        this.gpcLastUpdate = b.gpcLastUpdate;
        this.policyRevision = b.policyRevision;
        this.formFields = new FormFieldPolicy(b.savedFormFields, b.ageField);
        this.cookieRequiredPaths = List.copyOf(b.cookieRequiredPaths);
        this.unsubscribeConfirmations = b.unsubscribeConfirmations;
        this.consentRetention = new ConsentRetention(b.consentMaxAge, b.cookieMaxAge, b.visitRetention,
                b.consentLogRetention, b.controllerName, b.privacyPolicyUrl);
        this.messagesBundle = b.messagesBundle;
        Map<String, Map<String, String>> texts = new java.util.HashMap<>();
        b.messages.forEach((lang, byKey) -> texts.put(lang, Map.copyOf(byKey)));
        this.messages = Map.copyOf(texts);
    }

    /** The site's bundle base name that overrides Crumb's texts (e.g. {@code shop.crumb}), or {@code null}. */
    public String messagesBundle() {
        return messagesBundle;
    }

    /** The site's texts given in code, by language ({@code en} for English) and key. */
    public Map<String, Map<String, String>> messages() {
        return messages;
    }

    /** A builder with every option at its default; only {@link Builder#keys} must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration from servlet init-params (the names of {@code docs/configuration.md}, such
     * as {@code visit-timeout}); keys come from the {@code keys} init-param or else from the environment
     * variable {@code CRUMB_KEYS}.
     *
     * @param initParameter looks up one init-param, {@code null} when absent
     * @param environment   the process environment (for {@code CRUMB_KEYS} and {@code CRUMB_HASH_KEY})
     * @throws IllegalArgumentException naming the init-param that is wrong and what it accepts
     */
    public static CrumbConfig fromInitParameters(Function<String, String> initParameter, Map<String, String> environment) {
        return fromInitParameters(initParameter, environment, null);
    }

    /**
     * Like {@link #fromInitParameters(Function, Map)}, with the store that the init-params described
     * ({@code store-url} or {@code store-jndi}, opened by the filter), or {@code null} for none.
     */
    public static CrumbConfig fromInitParameters(Function<String, String> initParameter, Map<String, String> environment,
                                                 CrumbStore store) {
        Builder b = builder();
        if (store != null) {
            b.store(store);
        }
        String keys = firstNonBlank(initParameter.apply("keys"), environment.get("CRUMB_KEYS"));
        if (keys == null) {
            throw new IllegalArgumentException("CrumbFilter needs keys: set the init-param 'keys' or the environment variable "
                    + "CRUMB_KEYS to comma-separated 32-byte base64url keys (generate one with "
                    + "`java -jar crumb-core.jar new-key`)");
        }
        b.keys(splitList(keys));
        String hashKey = firstNonBlank(initParameter.apply("hash-key"), environment.get("CRUMB_HASH_KEY"));
        if (hashKey != null) {
            b.hashKey(hashKey);
        }
        InitParams p = new InitParams(initParameter);
        p.text("cookie-name", b::cookieName);
        p.bool("host-prefix", b::hostPrefix);
        p.bool("secure", b::alwaysSecure);
        p.bool("partitioned", b::partitioned);
        p.text("domain", b::domain);
        p.text("cookie-path", b::cookiePath);
        p.duration("max-age", b::maxAge);
        p.duration("visit-timeout", b::visitTimeout);
        p.duration("last-seen-refresh", b::lastSeenRefresh);
        p.text("path-prefix", b::pathPrefix);
        p.text("country-header", b::countryHeader);
        p.text("default-country", b::defaultCountry);
        p.text("default-language", b::defaultLanguage);
        p.text("languages", v -> b.languages(splitList(v)));
        readTrackingParameters(p, b, environment);
        p.text("cookie-categories", v -> splitList(v).forEach(entry -> {
            CookieRule rule = CookieRule.parse(entry);
            b.cookieCategory(rule.pattern(), rule.category(), rule.path());
        }));
        p.text("unregistered-cookie-category", v -> b.unregisteredCookieCategory(category("unregistered-cookie-category", v)));
        p.text("opt-in-countries", v -> b.optInCountries(splitList(v)));
        p.bool("honour-dnt", b::honourDnt);
        p.text("gpc-last-update", v -> b.gpcLastUpdate(date("gpc-last-update", v)));
        p.text("policy-revision", v -> b.policyRevision(integer("policy-revision", v)));
        p.text("saved-form-fields", v -> b.savedFormFields(fieldLengths(v)));
        p.text("age-field", v -> b.ageField("none".equalsIgnoreCase(v) ? null : v));
        p.text("cookie-required-paths", v -> b.cookieRequiredPaths(splitList(v)));
        readConsentRetentionParameters(p, b);
        p.text("messages", b::messages);
        return b.build();
    }

    /** Which form fields may be saved in the cookie, with their maximum lengths, and the age field. */
    public FormFieldPolicy formFields() {
        return formFields;
    }

    /** Paths that need a cookie (e.g. {@code /cart}); visitors who block cookies get an explanation there. */
    public List<String> cookieRequiredPaths() {
        return cookieRequiredPaths;
    }

    /** The key ring: the first key seals cookies, all open them. */
    public CookieKeys keys() {
        return keys;
    }

    /** The base64url key for keyed hashes of visitor IDs, or {@code null} to derive one from the first key. */
    public String hashKey() {
        return hashKey;
    }

    /** The cookie's base name (default {@code crumb}), without any {@code __Host-} prefix. */
    public String cookieName() {
        return cookieName;
    }

    /** The name as sent: with {@code __Host-} when {@link #hostPrefix()} is set. */
    public String effectiveCookieName() {
        return hostPrefix ? "__Host-" + cookieName : cookieName;
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
    public String cookiePath() {
        return cookiePath;
    }

    /**
     * The visitor cookie's lifetime as a duration, for callers of the older {@code max-age} option: the
     * {@link #cookieMaxAge()} counted in days from now, at most 400 (browsers cap cookies there).
     */
    public Duration maxAge() {
        return maxAge;
    }

    /**
     * How long the visitor cookie lives after the visitor's first visit (default 13 months): a fixed date,
     * never moved by later visits or refreshes; after it the visitor starts over with a new ID.
     */
    public Period cookieMaxAge() {
        return consentRetention.cookieMaxAge();
    }

    /** How long a visitor's consent choice holds (default 6 months, at most 13); then the banner asks again. */
    public Period consentMaxAge() {
        return consentRetention.consentMaxAge();
    }

    /** How long per-visit analytics rows are kept (default 25 months); aggregates are kept. */
    public Period visitRetention() {
        return consentRetention.visitRetention();
    }

    /** How long a consent record is kept after a newer record of the same visitor superseded it (default 5 years). */
    public Period consentLogRetention() {
        return consentRetention.consentLogRetention();
    }

    /** The name of the site's operator (the data controller) shown in the banner and on the consent page, or {@code null}. */
    public String controllerName() {
        return consentRetention.controllerName();
    }

    /** The privacy policy's address linked from the banner and the consent page, or {@code null}. */
    public String privacyPolicyUrl() {
        return consentRetention.privacyPolicyUrl();
    }

    /** Inactivity after which the next request starts a new visit (default 30 minutes). */
    public Duration visitTimeout() {
        return visitTimeout;
    }

    /** How stale the cookie's last-seen time may get before it is re-sent (default 1 minute). */
    public Duration lastSeenRefresh() {
        return lastSeenRefresh;
    }

    /** Where the library's own endpoints live (default {@code /crumb}). */
    public String pathPrefix() {
        return pathPrefix;
    }

    /** A trusted CDN header naming the visitor's country (e.g. {@code CF-IPCountry}), or {@code null} (the default). */
    public String countryHeader() {
        return countryHeader;
    }

    /** The country when nothing else tells (default {@code ZZ}, unknown). */
    public String defaultCountry() {
        return defaultCountry;
    }

    /** The language when nothing else tells (default {@code en}). */
    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** The languages the site offers; empty (the default) accepts any valid language. */
    public List<String> languages() {
        return languages;
    }

    /** The clock for every time Crumb records. */
    public Clock clock() {
        return clock;
    }

    /** The source of visitor IDs and nonces. */
    public SecureRandom random() {
        return random;
    }

    /** Where consent decisions, email choices and page views are kept, or {@code null} when none is configured. */
    public CrumbStore store() {
        return store;
    }

    /** Who mails an address its unsubscribe link when asked on the form, or {@code null}: no form. */
    public UnsubscribeConfirmations unsubscribeConfirmations() {
        return unsubscribeConfirmations;
    }

    // ---- Tracking and analytics -------------------------------------------------------------------

    /** The page-tracking options (see {@code docs/tracking.md}). */
    public TrackingSettings tracking() {
        return tracking;
    }

    /** The analyst session cookie's name: the visitor cookie's name with {@code _analyst}; always necessary. */
    public String analystCookieName() {
        return effectiveCookieName() + "_analyst";
    }

    /** The analyst options: password hash, session lifetime, guess limits, longest summary range. */
    public AnalyticsSettings analytics() {
        return analytics;
    }

    private static void readTrackingParameters(InitParams p, Builder b, Map<String, String> environment) {
        p.bool("tracking", b::tracking);
        p.text("tracking-buffer-capacity", v -> b.trackingBufferCapacity(integer("tracking-buffer-capacity", v)));
        p.text("tracking-batch-size", v -> b.trackingBatchSize(integer("tracking-batch-size", v)));
        p.duration("tracking-flush-interval", b::trackingFlushInterval);
        p.duration("tracking-shutdown-wait", b::trackingShutdownWait);
        p.duration("tracking-retention", b::trackingRetention);
        p.text("tracking-bot-patterns", v -> b.trackingBotPatterns(v.lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList()));
        String hash = firstNonBlank(p.source().apply("analyst-password-hash"), environment.get("CRUMB_ANALYST_PASSWORD_HASH"));
        if (hash != null) {
            b.analystPasswordHash(hash);
        }
        p.duration("analyst-session-lifetime", b::analystSessionLifetime);
        p.text("analyst-failures-per-address", v -> b.analystFailuresPerAddress(integer("analyst-failures-per-address", v)));
        p.text("analyst-failures-global", v -> b.analystFailuresGlobal(integer("analyst-failures-global", v)));
        p.duration("analyst-max-lockout", b::analystMaxLockout);
        p.duration("analytics-max-range", b::analyticsMaxRange);
    }

    /** The category of every cookie the application may set, by name or prefix (see {@code docs/consent.md}). */
    public CookieRegistry cookieRegistry() {
        return cookieRegistry;
    }

    /** The ISO countries where every optional category starts off until the visitor chooses; {@code ZZ} always. */
    public Set<String> optInCountries() {
        return optInCountries;
    }

    /** Whether {@code DNT: 1} counts as a refusal like Global Privacy Control (default off). */
    public boolean honourDnt() {
        return honourDnt;
    }

    /** The {@code lastUpdate} date of {@code /.well-known/gpc.json}. */
    public LocalDate gpcLastUpdate() {
        return gpcLastUpdate;
    }

    /** The revision of the privacy policy that consent is asked for (default 1). */
    public int policyRevision() {
        return policyRevision;
    }

    /** Builds a {@link CrumbConfig}; each setter checks its value and names the option in its error. */
    public static final class Builder {
        private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
        private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
        private static final Pattern DOMAIN = Pattern.compile("\\.?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
        private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9_-]+)+");

        private CookieKeys keys;
        private String hashKey;
        private String cookieName = "crumb";
        private boolean hostPrefix;
        private boolean alwaysSecure;
        private boolean partitioned;
        private String domain;
        private String cookiePath;
        private Duration maxAge = Duration.ofDays(ConsentRetention.days(ConsentRetention.DEFAULT_COOKIE_MAX_AGE));
        private Duration visitTimeout = Duration.ofMinutes(30);
        private Duration lastSeenRefresh = Duration.ofMinutes(1);
        private String pathPrefix = "/crumb";
        private String countryHeader;
        private String defaultCountry = Countries.UNKNOWN;
        private String defaultLanguage = "en";
        private List<String> languages = List.of();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private CrumbStore store;
        private UnsubscribeConfirmations unsubscribeConfirmations;
        // Tracking and analytics
        private boolean tracking = TrackingSettings.DEFAULTS.enabled();
        private int trackingBufferCapacity = TrackingSettings.DEFAULTS.bufferCapacity();
        private int trackingBatchSize = TrackingSettings.DEFAULTS.batchSize();
        private Duration trackingFlushInterval = TrackingSettings.DEFAULTS.flushInterval();
        private Duration trackingShutdownWait = TrackingSettings.DEFAULTS.shutdownWait();
        private Duration trackingRetention = TrackingSettings.DEFAULTS.retention();
        private List<String> trackingBotPatterns = TrackingSettings.DEFAULTS.extraBotPatterns();
        private Function<String, String> trackingPathNormaliser = TrackingSettings.DEFAULTS.pathNormaliser();
        private PasswordHash analystPasswordHash = AnalyticsSettings.DEFAULTS.passwordHash();
        private Duration analystSessionLifetime = AnalyticsSettings.DEFAULTS.sessionLifetime();
        private int analystFailuresPerAddress = AnalyticsSettings.DEFAULTS.failuresPerAddress();
        private int analystFailuresGlobal = AnalyticsSettings.DEFAULTS.failuresGlobal();
        private Duration analystMaxLockout = AnalyticsSettings.DEFAULTS.maxLockout();
        private int analyticsMaxRangeDays = AnalyticsSettings.DEFAULTS.maxRangeDays();
        private final List<CookieRule> cookieRules = new ArrayList<>();
        private Category unregisteredCookieCategory = Category.MARKETING;
        private Set<String> optInCountries = OptInRegions.DEFAULT;
        private boolean honourDnt;
        private LocalDate gpcLastUpdate = DEFAULT_GPC_LAST_UPDATE;
        private int policyRevision = 1;
        private Map<String, Integer> savedFormFields = FormFieldPolicy.DEFAULT_FIELDS;
        private String ageField = "age";
        private List<String> cookieRequiredPaths = List.of();
        private Period consentMaxAge = ConsentRetention.DEFAULT_CONSENT_MAX_AGE;
        private Period cookieMaxAge = ConsentRetention.DEFAULT_COOKIE_MAX_AGE;
        private Period visitRetention = ConsentRetention.DEFAULT_VISIT_RETENTION;
        private Period consentLogRetention = ConsentRetention.DEFAULT_CONSENT_LOG_RETENTION;
        private String controllerName;
        private String messagesBundle;
        private final Map<String, Map<String, String>> messages = new java.util.HashMap<>();
        private String privacyPolicyUrl;

        private Builder() {
        }

        /**
         * The base name of the site's own bundle of texts, e.g. {@code shop.crumb} for
         * {@code shop/crumb.properties} (English) and {@code shop/crumb_de.properties} on the class path
         * (UTF-8). Any key of Crumb's {@code dev/crumb/messages.properties} may be given; keys not given
         * keep Crumb's text. Checked at start-up: the base file must exist.
         */
        public Builder messages(String bundleBaseName) {
            require(bundleBaseName == null || bundleBaseName.matches("[A-Za-z0-9_.-]+"),
                    "messages '" + bundleBaseName + "' is not a bundle base name such as shop.crumb");
            this.messagesBundle = bundleBaseName;
            return this;
        }

        /** Overrides one of Crumb's texts in {@code language} ({@code en} for English), e.g. {@code cookies.body}. */
        public Builder message(String language, String key, String text) {
            require(language != null && language.matches("[a-z]{2,3}"),
                    "message language '" + language + "' is not an ISO 639 code such as en or de");
            require(key != null && !key.isBlank(), "message key must not be blank");
            require(text != null && !text.isBlank(), "message '" + key + "' must not be blank (leave it out to keep Crumb's)");
            messages.computeIfAbsent(language, l -> new java.util.HashMap<>()).put(key, text);
            return this;
        }

        /** The cookie keys as base64url strings, the sealing key first. Required. */
        public Builder keys(List<String> base64UrlKeys) {
            this.keys = CookieKeys.parse(base64UrlKeys, "keys");
            return this;
        }

        /** Same as {@link #keys(List)}. */
        public Builder keys(String... base64UrlKeys) {
            return keys(Arrays.asList(base64UrlKeys));
        }

        /**
         * A 32-byte base64url key for the keyed hashes of visitor IDs kept in the consent log and analytics.
         * Keep it stable: unlike cookie keys it must not rotate, or returning visitors count as new.
         */
        public Builder hashKey(String base64UrlKey) {
            CookieKeys.parse(List.of(Objects.requireNonNull(base64UrlKey, "hashKey")), "hash-key");
            this.hashKey = base64UrlKey.trim();
            return this;
        }

        /** The cookie name, default {@code crumb}. */
        public Builder cookieName(String name) {
            require(name != null && COOKIE_NAME.matcher(name).matches() && !name.startsWith("__"),
                    "cookie-name '" + name + "' must be 1 to 64 letters, digits, '.', '_' or '-' and must not start with '__' "
                            + "(use host-prefix for __Host-)");
            this.cookieName = name;
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
        public Builder cookiePath(String path) {
            require(path != null && path.matches("/[A-Za-z0-9._~!$&'()*+,=:@/%-]{0,200}"),
                    "cookie-path must be a path starting with / such as /shop, without ; or spaces, was '" + path + "'");
            this.cookiePath = path;
            return this;
        }

        /** The cookie's {@code Domain}, to share it with subdomains; {@code null} (default) keeps it host-only. */
        public Builder domain(String domain) {
            require(domain == null || DOMAIN.matcher(domain).matches(),
                    "domain '" + domain + "' is not a host name such as example.com");
            this.domain = domain;
            return this;
        }

        /**
         * How long the cookie lives after the visitor's first visit, in days; the older form of
         * {@link #cookieMaxAge(Period)}, which it sets.
         */
        public Builder maxAge(Duration maxAge) {
            require(maxAge != null && !maxAge.isNegative() && !maxAge.isZero() && maxAge.toDays() <= 400,
                    "max-age must be positive and at most 400 days (browsers cap cookies there), was " + maxAge);
            return cookieMaxAge(Period.ofDays(Math.max(1, (int) maxAge.toDays())));
        }

        /**
         * How long the visitor cookie lives after the visitor's first visit, default 13 months (P13M), at
         * most 13 months: the expiry is fixed then and refreshing the cookie never moves it.
         */
        public Builder cookieMaxAge(Period lifetime) {
            require(lifetime != null && ConsentRetention.within(lifetime, Period.ofDays(1), Period.ofMonths(13)),
                    "cookie-max-age must be between 1 day and 13 months (P13M), was " + lifetime);
            this.cookieMaxAge = lifetime;
            this.maxAge = Duration.ofDays(Math.min(400, ConsentRetention.days(lifetime)));
            return this;
        }

        /** How long a consent choice holds, default 6 months (P6M), at most 13; after it the visitor is asked again. */
        public Builder consentMaxAge(Period lifetime) {
            require(lifetime != null && ConsentRetention.within(lifetime, Period.ofDays(1), Period.ofMonths(13)),
                    "consent-max-age must be between 1 day and 13 months (P13M), was " + lifetime);
            this.consentMaxAge = lifetime;
            return this;
        }

        /** How long per-visit analytics rows are kept, default 25 months (P25M); daily aggregates stay. */
        public Builder visitRetention(Period retention) {
            require(retention != null && ConsentRetention.within(retention, Period.ofDays(1), Period.ofYears(10)),
                    "visit-retention must be between 1 day and 10 years, was " + retention);
            this.visitRetention = retention;
            return this;
        }

        /**
         * How long a consent record is kept after a newer record of the same visitor superseded it, default
         * 5 years (P5Y); the newest record of a visitor is always kept.
         */
        public Builder consentLogRetention(Period retention) {
            require(retention != null && ConsentRetention.within(retention, Period.ofMonths(1), Period.ofYears(30)),
                    "consent-log-retention must be between 1 month and 30 years, was " + retention);
            this.consentLogRetention = retention;
            return this;
        }

        /** The site operator's name (the data controller), shown in the banner and on the consent page. */
        public Builder controllerName(String name) {
            require(name == null || !name.isBlank() && name.length() <= 200,
                    "controller-name must be 1 to 200 characters, was '" + name + "'");
            this.controllerName = name == null ? null : name.strip();
            return this;
        }

        /**
         * The privacy policy's address, linked from the banner and the consent page: an https URL or a path
         * starting with {@code /}.
         */
        public Builder privacyPolicyUrl(String url) {
            require(url == null || ConsentRetention.safeLink(url),
                    "privacy-policy-url must be an https:// or http:// URL or a path starting with /, was '" + url + "'");
            this.privacyPolicyUrl = url == null ? null : url.strip();
            return this;
        }

        /** Inactivity that ends a visit, default 30 minutes. */
        public Builder visitTimeout(Duration timeout) {
            require(timeout != null && timeout.compareTo(Duration.ofMinutes(1)) >= 0 && timeout.compareTo(Duration.ofDays(1)) <= 0,
                    "visit-timeout must be between 1 minute and 1 day, was " + timeout);
            this.visitTimeout = timeout;
            return this;
        }

        /** How stale the last-seen time in the cookie may get before it is re-sent, default 1 minute. */
        public Builder lastSeenRefresh(Duration refresh) {
            require(refresh != null && !refresh.isNegative(), "last-seen-refresh must be zero or positive, was " + refresh);
            this.lastSeenRefresh = refresh;
            return this;
        }

        /** Where the library's endpoints live, default {@code /crumb}. */
        public Builder pathPrefix(String prefix) {
            require(prefix != null && PREFIX.matcher(prefix).matches(),
                    "path-prefix '" + prefix + "' must look like /crumb (segments of letters, digits, '_' or '-')");
            this.pathPrefix = prefix;
            return this;
        }

        /**
         * The name of a request header, set by a CDN you trust, that carries the visitor's country
         * (e.g. {@code CF-IPCountry}). Off by default: only set it when every request passes that CDN.
         */
        public Builder countryHeader(String header) {
            require(header == null || HEADER_NAME.matcher(header).matches(),
                    "country-header '" + header + "' is not a header name");
            this.countryHeader = header;
            return this;
        }

        /** The country when nothing else tells, an ISO 3166-1 alpha-2 code; default {@code ZZ} (unknown). */
        public Builder defaultCountry(String country) {
            String c = Countries.normalise(country);
            require(c != null, "default-country '" + country + "' is not an ISO 3166-1 alpha-2 code such as US or DE");
            this.defaultCountry = c;
            return this;
        }

        /** The language when nothing else tells, an ISO 639 code; default {@code en}. */
        public Builder defaultLanguage(String language) {
            String l = Languages.normalise(language);
            require(l != null, "default-language '" + language + "' is not an ISO 639 code such as en or de");
            this.defaultLanguage = l;
            return this;
        }

        /** The languages the site offers, e.g. {@code en, de, fr}; empty (default) accepts any valid language. */
        public Builder languages(List<String> offered) {
            List<String> checked = new ArrayList<>();
            for (String language : Objects.requireNonNull(offered, "languages")) {
                String l = Languages.normalise(language);
                require(l != null, "languages entry '" + language + "' is not an ISO 639 code such as en or de");
                checked.add(l);
            }
            this.languages = checked;
            return this;
        }

        /** The clock; tests pass a fixed or mutable one. Default: the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The random source for visitor IDs and nonces. Default: a new {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The store for the consent log, email choices and analytics (see {@link dev.crumb.CrumbStores}).
         * The filter does not close it: its owner does, after the filter is destroyed.
         */
        public Builder store(CrumbStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Lets visitors ask for their unsubscribe link on {@code /crumb/unsubscribe}: the form then mails the
         * link to the address (through {@code sender}) instead of unsubscribing it, so nobody can unsubscribe
         * another person's address. Without it (the default) that page only points to the link in every email.
         */
        public Builder unsubscribeConfirmations(UnsubscribeConfirmations sender) {
            this.unsubscribeConfirmations = Objects.requireNonNull(sender, "sender");
            return this;
        }

        // ---- Tracking and analytics (docs/tracking.md) -------------------------------------------

        /** Record page views (default on; needs a {@link #store}). */
        public Builder tracking(boolean on) {
            this.tracking = on;
            return this;
        }

        /**
         * Page views held in memory on their way to the store, default 100 000. When the store falls behind
         * or is down, page views beyond this are dropped and counted; a crash loses at most this many plus one
         * batch.
         */
        public Builder trackingBufferCapacity(int capacity) {
            require(capacity >= 100 && capacity <= 10_000_000,
                    "tracking-buffer-capacity must be between 100 and 10000000, was " + capacity);
            this.trackingBufferCapacity = capacity;
            return this;
        }

        /** Page views written to the store per batch, default 500. */
        public Builder trackingBatchSize(int size) {
            require(size >= 1 && size <= 10_000, "tracking-batch-size must be between 1 and 10000, was " + size);
            this.trackingBatchSize = size;
            return this;
        }

        /** The longest a page view waits in memory for its batch to fill, default 1 second. */
        public Builder trackingFlushInterval(Duration interval) {
            require(interval != null && interval.toMillis() >= 10 && interval.compareTo(Duration.ofMinutes(1)) <= 0,
                    "tracking-flush-interval must be between 10 ms and 1 minute, was " + interval);
            this.trackingFlushInterval = interval;
            return this;
        }

        /** How long stopping the filter may take to write what is buffered, default 10 seconds. */
        public Builder trackingShutdownWait(Duration wait) {
            require(wait != null && !wait.isNegative() && wait.compareTo(Duration.ofMinutes(10)) <= 0,
                    "tracking-shutdown-wait must be between 0 and 10 minutes, was " + wait);
            this.trackingShutdownWait = wait;
            return this;
        }

        /** How long raw page-view events are kept, default 90 days; daily aggregates are kept longer. */
        public Builder trackingRetention(Duration retention) {
            require(retention != null && retention.toDays() >= 1 && retention.toDays() <= 3660,
                    "tracking-retention must be between 1 day and 3660 days, was " + retention);
            this.trackingRetention = retention;
            return this;
        }

        /**
         * Extra user-agent patterns not to count (case-insensitive regular expressions, found anywhere in the
         * {@code User-Agent}), on top of the shipped list of crawlers, monitors and scripts.
         */
        public Builder trackingBotPatterns(List<String> patterns) {
            List<String> checked = Objects.requireNonNull(patterns, "tracking-bot-patterns").stream()
                    .map(BotDetector::checked).toList();
            this.trackingBotPatterns = checked;
            return this;
        }

        /**
         * Maps each recorded path (decoded, without query string) to the path kept, e.g.
         * {@code p -> p.replaceAll("^/products/\\d+$", "/products/{id}")}; returning {@code null} leaves the
         * page out. Default: the path as is. Must be fast and thread-safe. Builder only (no init-param).
         */
        public Builder trackingPathNormaliser(Function<String, String> normaliser) {
            Objects.requireNonNull(normaliser, "tracking path normaliser");
            this.trackingPathNormaliser = normaliser;
            return this;
        }

        /**
         * Turns on the analytics endpoints under {@code /crumb/analytics/} with this analyst password hash,
         * made by {@link AnalystPassword#hash}. Without it (the default) those endpoints answer 404.
         */
        public Builder analystPasswordHash(String hash) {
            PasswordHash parsed = PasswordHash.parse(hash);
            this.analystPasswordHash = parsed;
            return this;
        }

        /**
         * The longest an analyst stays signed in after the login form, default 8 hours; a session also ends
         * after 30 minutes without use, and on sign-out on every server of the store.
         */
        public Builder analystSessionLifetime(Duration lifetime) {
            require(lifetime != null && lifetime.compareTo(Duration.ofMinutes(5)) >= 0
                            && lifetime.compareTo(Duration.ofDays(7)) <= 0,
                    "analyst-session-lifetime must be between 5 minutes and 7 days, was " + lifetime);
            this.analystSessionLifetime = lifetime;
            return this;
        }

        /**
         * Analyst password checks one client address may have in a row, default 5: each is counted before it
         * runs (a right password gives it back), and the last starts growing lock-outs.
         */
        public Builder analystFailuresPerAddress(int failures) {
            require(failures >= 1 && failures <= 1000, "analyst-failures-per-address must be between 1 and 1000, was "
                    + failures);
            this.analystFailuresPerAddress = failures;
            return this;
        }

        /** Analyst password checks all clients together may have in a row, default 100; as per address. */
        public Builder analystFailuresGlobal(int failures) {
            require(failures >= 1 && failures <= 1_000_000, "analyst-failures-global must be between 1 and 1000000, was "
                    + failures);
            this.analystFailuresGlobal = failures;
            return this;
        }

        /** The longest lock-out after repeated failed analyst logins, default 15 minutes. */
        public Builder analystMaxLockout(Duration lockout) {
            require(lockout != null && lockout.compareTo(Duration.ofSeconds(1)) >= 0
                            && lockout.compareTo(Duration.ofDays(1)) <= 0,
                    "analyst-max-lockout must be between 1 second and 1 day, was " + lockout);
            this.analystMaxLockout = lockout;
            return this;
        }

        /** The longest range one analytics summary may cover, default 1096 days (3 years); in whole days. */
        public Builder analyticsMaxRange(Duration range) {
            require(range != null && range.toDays() >= 1 && range.toDays() <= 3660,
                    "analytics-max-range must be between 1 and 3660 days (e.g. P1096D), was " + range);
            this.analyticsMaxRangeDays = (int) range.toDays();
            return this;
        }

        TrackingSettings trackingSettings() {
            return new TrackingSettings(tracking, trackingBufferCapacity, trackingBatchSize, trackingFlushInterval,
                    trackingShutdownWait, trackingRetention, trackingBotPatterns, trackingPathNormaliser);
        }

        AnalyticsSettings analyticsSettings() {
            return new AnalyticsSettings(analystPasswordHash, analystSessionLifetime, analystFailuresPerAddress,
                    analystFailuresGlobal, analystMaxLockout, analyticsMaxRangeDays);
        }

        /**
         * Registers an application cookie's category: {@code nameOrPrefix} is an exact name
         * ({@code recently_viewed}) or a prefix ending in {@code *} ({@code _ga*}). The cookie is set with
         * {@code Path=/}; use {@link #cookieCategory(String, Category, String)} for another path.
         */
        public Builder cookieCategory(String nameOrPrefix, Category category) {
            return cookieCategory(nameOrPrefix, category, "/");
        }

        /**
         * Registers an application cookie's category and the path it is set with, so that withdrawing
         * consent deletes it (a browser only deletes a cookie for the path it was set with).
         */
        public Builder cookieCategory(String nameOrPrefix, Category category, String path) {
            require(category != null, "cookie-categories: the category of '" + nameOrPrefix + "' is missing");
            cookieRules.add(CookieRule.of(Objects.requireNonNull(nameOrPrefix, "cookie-categories name"), category, path));
            return this;
        }

        /** The category of cookies nobody registered; default {@link Category#MARKETING}, the strictest. */
        public Builder unregisteredCookieCategory(Category category) {
            this.unregisteredCookieCategory = Objects.requireNonNull(category, "unregistered-cookie-category");
            return this;
        }

        /**
         * The ISO 3166-1 countries where every optional category starts off until the visitor chooses,
         * replacing the default (EU/EEA, UK, Switzerland). Unknown visitors ({@code ZZ}) are always opt-in.
         */
        public Builder optInCountries(Collection<String> countries) {
            Set<String> checked = new LinkedHashSet<>();
            for (String country : Objects.requireNonNull(countries, "opt-in-countries")) {
                String c = Countries.normalise(country);
                require(c != null, "opt-in-countries entry '" + country + "' is not an ISO 3166-1 alpha-2 code such as DE");
                checked.add(c);
            }
            this.optInCountries = checked;
            return this;
        }

        /** Treat {@code DNT: 1} as a refusal of every optional category, like Global Privacy Control. Default off. */
        public Builder honourDnt(boolean on) {
            this.honourDnt = on;
            return this;
        }

        /** The {@code lastUpdate} of {@code /.well-known/gpc.json}: when the site last changed how it honours GPC. */
        public Builder gpcLastUpdate(LocalDate date) {
            this.gpcLastUpdate = Objects.requireNonNull(date, "gpc-last-update");
            return this;
        }

        /**
         * The revision of the privacy policy, recorded with every choice. Raise it when the policy changes
         * what it asks consent for: visitors who chose under a lower revision are asked again.
         */
        public Builder policyRevision(int revision) {
            require(revision >= 1, "policy-revision must be 1 or more, was " + revision);
            this.policyRevision = revision;
            return this;
        }

        /**
         * The form fields that may be saved in the cookie (with preferences consent), each with its maximum
         * length in characters. Default: name 100, email 254, street 200, city 100, postcode 16, country 60,
         * phone 32, customerNumber 40, serialNumber 40. Free text (a message) should never be listed.
         */
        public Builder savedFormFields(Map<String, Integer> fieldsAndMaxLengths) {
            new FormFieldPolicy(Objects.requireNonNull(fieldsAndMaxLengths, "savedFormFields"), null);
            this.savedFormFields = new java.util.LinkedHashMap<>(fieldsAndMaxLengths);
            return this;
        }

        /**
         * The form field in which a form reports the visitor's age (default {@code age}); a form reporting
         * an age under 13 saves nothing. {@code null} turns the check off.
         */
        public Builder ageField(String field) {
            require(field == null || field.matches("[A-Za-z][A-Za-z0-9_-]{0,39}"),
                    "age-field '" + field + "' is not a field name");
            this.ageField = field;
            return this;
        }

        /**
         * Paths that truly need a cookie, such as {@code /cart} and {@code /account} (each matches itself and
         * everything below it). A visitor who blocks cookies gets one probe redirect there, then an
         * explanation page; every other path works without cookies.
         */
        public Builder cookieRequiredPaths(List<String> paths) {
            new CookieRequirement(Objects.requireNonNull(paths, "cookieRequiredPaths"));
            this.cookieRequiredPaths = List.copyOf(paths);
            return this;
        }

        /**
         * Checks the combination of options and builds the configuration.
         *
         * @throws IllegalStateException when keys are missing or options contradict each other
         */
        public CrumbConfig build() {
            new FormFieldPolicy(savedFormFields, ageField);
            new CookieRequirement(cookieRequiredPaths);
            if (keys == null) {
                throw new IllegalStateException("CrumbConfig needs keys: call keys(...) with at least one 32-byte base64url "
                        + "key (generate one with `java -jar crumb-core.jar new-key`)");
            }
            if (hostPrefix && cookiePath != null && !"/".equals(cookiePath)) {
                throw new IllegalStateException("host-prefix requires cookie-path / (a __Host- cookie always has Path=/); "
                        + "remove cookie-path or host-prefix");
            }
            if (hostPrefix && domain != null) {
                throw new IllegalStateException("host-prefix forbids domain: a __Host- cookie is host-only; remove one of them");
            }
            if (lastSeenRefresh.compareTo(visitTimeout) >= 0) {
                throw new IllegalStateException("last-seen-refresh (" + lastSeenRefresh + ") must be shorter than visit-timeout ("
                        + visitTimeout + "), or visits would split while the visitor is active");
            }
            if (!languages.isEmpty() && !languages.contains(defaultLanguage)) {
                throw new IllegalStateException("default-language '" + defaultLanguage + "' is not among languages " + languages);
            }
            trackingSettings(); // checks how the tracking options combine
            if (ConsentRetention.days(visitRetention) < ConsentRetention.days(cookieMaxAge)) {
                throw new IllegalStateException("visit-retention (" + visitRetention + ") must be at least cookie-max-age ("
                        + cookieMaxAge + "): a visitor's older visits are still needed while their cookie lives");
            }
            if (analystPasswordHash != null && store == null) {
                throw new IllegalStateException("analyst-password-hash is set but no store is configured: the analytics "
                        + "endpoints read from the store — configure store(...) or remove the password hash");
            }
            String own = hostPrefix ? "__Host-" + cookieName : cookieName;
            for (CookieRule rule : cookieRules) {
                if (rule.prefix() ? own.startsWith(rule.name()) : own.equals(rule.name())) {
                    throw new IllegalStateException("cookie-categories entry '" + rule.pattern() + "' matches Crumb's own "
                            + "cookie '" + own + "', which is always necessary; register a narrower name");
                }
            }
            try {
                return new CrumbConfig(this);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** The options of issue 13 (consent lifetime, cookie lifetime, retention, the first layer). */
    private static void readConsentRetentionParameters(InitParams p, Builder b) {
        p.text("consent-max-age", v -> b.consentMaxAge(period("consent-max-age", v)));
        p.text("cookie-max-age", v -> b.cookieMaxAge(period("cookie-max-age", v)));
        p.text("visit-retention", v -> b.visitRetention(period("visit-retention", v)));
        p.text("consent-log-retention", v -> b.consentLogRetention(period("consent-log-retention", v)));
        p.text("controller-name", b::controllerName);
        p.text("privacy-policy-url", b::privacyPolicyUrl);
    }

    /** An ISO-8601 period such as P6M or P1Y, or a duration such as P30D / PT720H (counted in whole days). */
    private static Period period(String option, String value) {
        try {
            return Period.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return Period.ofDays(Math.toIntExact(Duration.parse(value.trim()).toDays()));
            } catch (DateTimeParseException | ArithmeticException e2) {
                throw new IllegalArgumentException("init-param " + option + " must be an ISO-8601 period such as P6M or "
                        + "P13M, was '" + value + "'");
            }
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static Category category(String option, String value) {
        try {
            return Category.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("init-param " + option + ": " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("init-param " + option + " must be a date such as 2026-03-01, was '" + value + "'");
        }
    }

    private static Map<String, Integer> fieldLengths(String value) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String entry : splitList(value)) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("init-param saved-form-fields entry '" + entry
                        + "' must look like name=100 (a field name and its maximum length)");
            }
            out.put(kv[0].trim(), integer("saved-form-fields", kv[1].trim()));
        }
        return out;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("init-param " + option + " must be a whole number such as 2, was '" + value + "'");
        }
    }

    private static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Reads typed init-params, naming the param in every error. */
    private record InitParams(Function<String, String> source) {
        void text(String name, java.util.function.Consumer<String> sink) {
            String v = source.apply(name);
            if (v != null && !v.isBlank()) {
                sink.accept(v.trim());
            }
        }

        void bool(String name, java.util.function.Consumer<Boolean> sink) {
            String v = source.apply(name);
            if (v == null || v.isBlank()) {
                return;
            }
            switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> sink.accept(true);
                case "false" -> sink.accept(false);
                default -> throw new IllegalArgumentException("init-param " + name + " must be true or false, was '" + v + "'");
            }
        }

        void duration(String name, java.util.function.Consumer<Duration> sink) {
            String v = source.apply(name);
            if (v == null || v.isBlank()) {
                return;
            }
            try {
                sink.accept(Duration.parse(v.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("init-param " + name + " must be an ISO-8601 duration such as PT30M, was '" + v + "'");
            }
        }
    }
}
