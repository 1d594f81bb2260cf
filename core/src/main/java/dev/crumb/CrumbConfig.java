package dev.crumb;

import static dev.crumb.CrumbConfigException.check;
import static dev.crumb.CrumbConfigException.naming;

import dev.crumb.internal.EngineSettings;
import dev.crumb.internal.consent.CookieRegistry;
import dev.crumb.internal.consent.CookieRule;
import dev.crumb.internal.webxml.WebXmlParameters;
import dev.crumb.internal.webxml.WebXmlStore;
import dev.crumb.store.CrumbStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The immutable configuration of a {@link CrumbFilter}. Build one with {@link #builder()}, or read it from
 * named parameters ({@code web.xml} init-params, {@code crumb.*} properties) with {@link #fromParameters}.
 * It is composed of one options object per capability — {@link CookieOptions}, {@link ConsentOptions},
 * {@link TrackingOptions}, {@link AnalyticsOptions}, {@link FormOptions}, {@link EmailOptions},
 * {@link LocaleOptions} — plus the options every capability shares (endpoint prefix, clock, random source,
 * store, texts).
 * Every option is checked when it is set and their combination when the configuration is built, so a
 * mistake fails at start-up with a {@link CrumbConfigException} that names the option, never on the first
 * request. {@code docs/configuration.md} lists every option with its default. Secrets given to it (the
 * keys, the hash key, the analyst password hash) are never handed out again.
 */
public final class CrumbConfig {

    /** The default {@code lastUpdate} of {@code /.well-known/gpc.json}: when Crumb began honouring GPC. */
    public static final LocalDate DEFAULT_GPC_LAST_UPDATE = ConsentOptions.DEFAULT_GPC_LAST_UPDATE;

    private final CookieOptions cookie;
    private final ConsentOptions consent;
    private final TrackingOptions tracking;
    private final AnalyticsOptions analytics;
    private final FormOptions forms;
    private final EmailOptions email;
    private final String pathPrefix;
    private final LocaleOptions locale;
    private final Clock clock;
    private final SecureRandom random;
    private final CrumbStore store;
    private final EngineSettings.Texts texts;
    private final EngineSettings settings;

    private CrumbConfig(Builder b) {
        this.cookie = b.cookie.build();
        this.consent = b.consent.build();
        this.tracking = b.tracking.build();
        this.analytics = b.analytics.build();
        this.forms = b.forms.build();
        this.email = b.email.build();
        this.pathPrefix = b.pathPrefix;
        this.locale = b.locale.build();
        this.clock = b.clock;
        this.random = b.random;
        this.store = b.store;
        Map<String, Map<String, String>> byLanguage = new HashMap<>();
        b.messages.forEach((lang, byKey) -> byLanguage.put(lang, Map.copyOf(byKey)));
        this.texts = new EngineSettings.Texts(b.messagesBundle, Map.copyOf(byLanguage));
        this.settings = engineSettings();
    }

    /** A builder with every option at its default; only {@link Builder#keys} must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration from named parameters by the names of {@code docs/configuration.md} (such as
     * {@code visit-timeout}), as the filter reads its {@code web.xml} init-params: keys come from the
     * {@code keys} parameter or else the environment variable {@code CRUMB_KEYS}, the hash key and the
     * analyst password hash likewise from {@code CRUMB_HASH_KEY} and {@code CRUMB_ANALYST_PASSWORD_HASH}.
     * The {@code store-*} parameters are left to {@link CrumbStores#fromParameters}; any other name Crumb
     * does not know is refused, with the closest known name.
     *
     * @param parameters the parameters by name
     * @param store      the store the parameters described (see {@link CrumbStores#fromParameters}), or {@code null}
     * @throws CrumbConfigException naming the parameter that is wrong, missing or unknown
     */
    public static CrumbConfig fromParameters(Map<String, String> parameters, CrumbStore store) {
        WebXmlParameters params = new WebXmlParameters(parameters);
        WebXmlStore.PARAMETERS.forEach(params::apply); // read by CrumbStores.fromParameters, not unknown
        CrumbConfig config = ConfigParameters.read(params, System.getenv(), store);
        params.refuseUnknown();
        return config;
    }

    /**
     * Reads the configuration from servlet init-params like {@link #fromParameters}, without refusing
     * unknown names.
     *
     * @param initParameter looks up one init-param, {@code null} when absent
     * @param environment   the process environment (for {@code CRUMB_KEYS} and {@code CRUMB_HASH_KEY})
     * @throws CrumbConfigException naming the init-param that is wrong and what it accepts
     */
    public static CrumbConfig fromInitParameters(Function<String, String> initParameter, Map<String, String> environment) {
        return fromInitParameters(initParameter, environment, null);
    }

    /**
     * Like {@link #fromInitParameters(Function, Map)}, with the store that the init-params described
     * ({@code store-url} or {@code store-jndi}), or {@code null} for none.
     */
    public static CrumbConfig fromInitParameters(Function<String, String> initParameter, Map<String, String> environment,
                                                 CrumbStore store) {
        return ConfigParameters.read(initParameter, environment, store);
    }

    /** The visitor cookie's options (name, attributes, lifetime, visits); never its keys. */
    public CookieOptions cookie() {
        return cookie;
    }

    /** The consent options. */
    public ConsentOptions consent() {
        return consent;
    }

    /** The page-tracking options (see {@code docs/tracking.md}). */
    public TrackingOptions tracking() {
        return tracking;
    }

    /** The analyst options; never the password hash. */
    public AnalyticsOptions analytics() {
        return analytics;
    }

    /** Which form fields may be saved in the cookie, and the age field. */
    public FormOptions forms() {
        return forms;
    }

    /** The marketing-email options. */
    public EmailOptions email() {
        return email;
    }

    /** Where the library's own endpoints live (default {@code /crumb}). */
    public String pathPrefix() {
        return pathPrefix;
    }

    /** How the visitor's country and language are found. */
    public LocaleOptions locale() {
        return locale;
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

    /** The site's bundle base name that overrides Crumb's texts (e.g. {@code shop.crumb}), or {@code null}. */
    public String messagesBundle() {
        return texts.bundle();
    }

    /** The site's texts given in code, by language ({@code en} for English) and key. */
    public Map<String, Map<String, String>> messages() {
        return texts.messages();
    }

    /** The engine's snapshot of this configuration, secrets included: for {@link CrumbFilter} only. */
    EngineSettings settings() {
        return settings;
    }

    private EngineSettings engineSettings() {
        CookieRegistry registry = naming("cookie-categories", () -> new CookieRegistry(consent.cookieRules(),
                consent.unregisteredCookieCategory(), Set.of(cookie.effectiveName(), cookie.effectiveName() + "_analyst",
                        CookieRegistry.SESSION_COOKIE)));
        EngineSettings.Cookie c = new EngineSettings.Cookie(cookie.keys(), cookie.hashKey(), cookie.name(),
                cookie.hostPrefix(), cookie.alwaysSecure(), cookie.partitioned(), cookie.domain(), cookie.path(),
                cookie.maxAge(), cookie.lifetime(), cookie.visitTimeout(), cookie.lastSeenRefresh());
        EngineSettings.Consent s = new EngineSettings.Consent(registry, consent.optInCountries(), consent.honourDnt(),
                consent.gpcLastUpdate(), consent.policyRevision(), consent.maxAge(), consent.logRetention(),
                tracking.visitRetention(), consent.controllerName(), consent.privacyPolicyUrl(),
                consent.cookieRequiredPaths());
        return new EngineSettings(c, new EngineSettings.Locales(locale.countryHeader(), locale.defaultCountry(),
                locale.defaultLanguage(), locale.languages()), s, tracking.settings(), analytics.settings(), forms.policy(),
                new EngineSettings.Email(email.unsubscribeConfirmations()), texts, pathPrefix, clock, random, store);
    }

    /**
     * Builds a {@link CrumbConfig}. It holds one builder per capability, reachable through the shortcuts
     * below (named as before the options were split, e.g. {@link #cookieName} for
     * {@link CookieOptions.Builder#name}) or replaced whole by {@link #cookie(CookieOptions)} and its
     * siblings. Each setter checks its value and throws a {@link CrumbConfigException} naming the option.
     */
    public static final class Builder {
        private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9_-]+)+");

        private CookieOptions.Builder cookie = CookieOptions.builder();
        private ConsentOptions.Builder consent = ConsentOptions.builder();
        private TrackingOptions.Builder tracking = TrackingOptions.builder();
        private AnalyticsOptions.Builder analytics = AnalyticsOptions.builder();
        private FormOptions.Builder forms = FormOptions.builder();
        private EmailOptions.Builder email = EmailOptions.builder();
        private String pathPrefix = "/crumb";
        private LocaleOptions.Builder locale = LocaleOptions.builder();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private CrumbStore store;
        private String messagesBundle;
        private final Map<String, Map<String, String>> messages = new HashMap<>();

        private Builder() {
        }

        // ---- Whole capabilities ---------------------------------------------------------------------

        /** Replaces every cookie option with {@code options}; later shortcuts change them further. */
        public Builder cookie(CookieOptions options) {
            this.cookie = Objects.requireNonNull(options, "cookie options").toBuilder();
            return this;
        }

        /** Replaces every consent option with {@code options}; later shortcuts change them further. */
        public Builder consent(ConsentOptions options) {
            this.consent = Objects.requireNonNull(options, "consent options").toBuilder();
            return this;
        }

        /** Replaces every tracking option with {@code options}; later shortcuts change them further. */
        public Builder tracking(TrackingOptions options) {
            this.tracking = Objects.requireNonNull(options, "tracking options").toBuilder();
            return this;
        }

        /** Replaces every analyst option with {@code options}; later shortcuts change them further. */
        public Builder analytics(AnalyticsOptions options) {
            this.analytics = Objects.requireNonNull(options, "analytics options").toBuilder();
            return this;
        }

        /** Replaces the form options with {@code options}; later shortcuts change them further. */
        public Builder forms(FormOptions options) {
            this.forms = Objects.requireNonNull(options, "form options").toBuilder();
            return this;
        }

        /** Replaces the locale options with {@code options}; later shortcuts change them further. */
        public Builder locale(LocaleOptions options) {
            this.locale = Objects.requireNonNull(options, "locale options").toBuilder();
            return this;
        }

        /** Replaces the email options with {@code options}; later shortcuts change them further. */
        public Builder email(EmailOptions options) {
            this.email = Objects.requireNonNull(options, "email options").toBuilder();
            return this;
        }

        // ---- Options every capability shares ------------------------------------------------------

        /** Where the library's endpoints live, default {@code /crumb}. */
        public Builder pathPrefix(String prefix) {
            check(prefix != null && PREFIX.matcher(prefix).matches(), "path-prefix",
                    "path-prefix '" + prefix + "' must look like /crumb (segments of letters, digits, '_' or '-')");
            this.pathPrefix = prefix;
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
         * The store for the consent log, email choices and analytics (see {@link CrumbStores}). The filter
         * does not close it: its owner does, after the filter is destroyed.
         */
        public Builder store(CrumbStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The base name of the site's own bundle of texts, e.g. {@code shop.crumb} for
         * {@code shop/crumb.properties} (English) and {@code shop/crumb_de.properties} on the class path
         * (UTF-8). Any key of Crumb's {@code dev/crumb/messages.properties} may be given; keys not given
         * keep Crumb's text. Checked at start-up: the base file must exist.
         */
        public Builder messages(String bundleBaseName) {
            check(bundleBaseName == null || bundleBaseName.matches("[A-Za-z0-9_.-]+"), "messages",
                    "messages '" + bundleBaseName + "' is not a bundle base name such as shop.crumb");
            this.messagesBundle = bundleBaseName;
            return this;
        }

        /** Overrides one of Crumb's texts in {@code language} ({@code en} for English), e.g. {@code cookies.body}. */
        public Builder message(String language, String key, String text) {
            check(language != null && language.matches("[a-z]{2,3}"), "messages",
                    "message language '" + language + "' is not an ISO 639 code such as en or de");
            check(key != null && !key.isBlank(), "messages", "message key must not be blank");
            check(text != null && !text.isBlank(), "messages",
                    "message '" + key + "' must not be blank (leave it out to keep Crumb's)");
            messages.computeIfAbsent(language, l -> new HashMap<>()).put(key, text);
            return this;
        }

        // ---- Shortcuts: each sets one option on a capability's builder (and is documented there) ----

        // The cookie (CookieOptions)

        /** The cookie keys as base64url strings, the sealing key first. Required. */
        public Builder keys(List<String> base64UrlKeys) { return with(cookie.keys(base64UrlKeys)); }
        /** Same as {@link #keys(List)}. */
        public Builder keys(String... base64UrlKeys) { return with(cookie.keys(base64UrlKeys)); }
        /** See {@link CookieOptions.Builder#keysText}: the keys as {@code CRUMB_KEYS} holds them. */
        public Builder keysText(String text) { return with(cookie.keysText(text)); }
        /** See {@link CookieOptions.Builder#hashKey}. */
        public Builder hashKey(String base64UrlKey) { return with(cookie.hashKey(base64UrlKey)); }
        /** See {@link CookieOptions.Builder#name}. */
        public Builder cookieName(String name) { return with(cookie.name(name)); }
        /** See {@link CookieOptions.Builder#hostPrefix}. */
        public Builder hostPrefix(boolean on) { return with(cookie.hostPrefix(on)); }
        /** See {@link CookieOptions.Builder#alwaysSecure}. */
        public Builder alwaysSecure(boolean on) { return with(cookie.alwaysSecure(on)); }
        /** See {@link CookieOptions.Builder#partitioned}. */
        public Builder partitioned(boolean on) { return with(cookie.partitioned(on)); }
        /** See {@link CookieOptions.Builder#path}. */
        public Builder cookiePath(String path) { return with(cookie.path(path)); }
        /** See {@link CookieOptions.Builder#domain}. */
        public Builder domain(String domain) { return with(cookie.domain(domain)); }
        /** See {@link CookieOptions.Builder#maxAge}. */
        public Builder maxAge(Duration maxAge) { return with(cookie.maxAge(maxAge)); }
        /** See {@link CookieOptions.Builder#lifetime}. */
        public Builder cookieMaxAge(Period lifetime) { return with(cookie.lifetime(lifetime)); }
        /** See {@link CookieOptions.Builder#visitTimeout}. */
        public Builder visitTimeout(Duration timeout) { return with(cookie.visitTimeout(timeout)); }
        /** See {@link CookieOptions.Builder#lastSeenRefresh}. */
        public Builder lastSeenRefresh(Duration refresh) { return with(cookie.lastSeenRefresh(refresh)); }

        // Consent (ConsentOptions)

        /** See {@link ConsentOptions.Builder#cookieCategory(String, Category)}. */
        public Builder cookieCategory(String name, Category category) { return with(consent.cookieCategory(name, category)); }
        /** See {@link ConsentOptions.Builder#cookieCategory(String, Category, String)}. */
        public Builder cookieCategory(String name, Category category, String path) {
            return with(consent.cookieCategory(name, category, path));
        }
        /** See {@link ConsentOptions.Builder#unregisteredCookieCategory}. */
        public Builder unregisteredCookieCategory(Category c) { return with(consent.unregisteredCookieCategory(c)); }
        /** See {@link ConsentOptions.Builder#optInCountries}. */
        public Builder optInCountries(Collection<String> countries) { return with(consent.optInCountries(countries)); }
        /** See {@link ConsentOptions.Builder#honourDnt}. */
        public Builder honourDnt(boolean on) { return with(consent.honourDnt(on)); }
        /** See {@link ConsentOptions.Builder#gpcLastUpdate}. */
        public Builder gpcLastUpdate(LocalDate date) { return with(consent.gpcLastUpdate(date)); }
        /** See {@link ConsentOptions.Builder#policyRevision}. */
        public Builder policyRevision(int revision) { return with(consent.policyRevision(revision)); }
        /** See {@link ConsentOptions.Builder#maxAge}. */
        public Builder consentMaxAge(Period lifetime) { return with(consent.maxAge(lifetime)); }
        /** See {@link ConsentOptions.Builder#logRetention}. */
        public Builder consentLogRetention(Period retention) { return with(consent.logRetention(retention)); }
        /** See {@link ConsentOptions.Builder#controllerName}. */
        public Builder controllerName(String name) { return with(consent.controllerName(name)); }
        /** See {@link ConsentOptions.Builder#privacyPolicyUrl}. */
        public Builder privacyPolicyUrl(String url) { return with(consent.privacyPolicyUrl(url)); }
        /** See {@link ConsentOptions.Builder#cookieRequiredPaths}. */
        public Builder cookieRequiredPaths(List<String> paths) { return with(consent.cookieRequiredPaths(paths)); }

        // Tracking (TrackingOptions) and analytics (AnalyticsOptions)

        /** See {@link TrackingOptions.Builder#enabled}. */
        public Builder tracking(boolean on) { return with(tracking.enabled(on)); }
        /** See {@link TrackingOptions.Builder#bufferCapacity}. */
        public Builder trackingBufferCapacity(int capacity) { return with(tracking.bufferCapacity(capacity)); }
        /** See {@link TrackingOptions.Builder#batchSize}. */
        public Builder trackingBatchSize(int size) { return with(tracking.batchSize(size)); }
        /** See {@link TrackingOptions.Builder#overflowWriterShare}. */
        public Builder trackingOverflowWriterShare(double share) { return with(tracking.overflowWriterShare(share)); }
        /** See {@link TrackingOptions.Builder#flushInterval}. */
        public Builder trackingFlushInterval(Duration interval) { return with(tracking.flushInterval(interval)); }
        /** See {@link TrackingOptions.Builder#shutdownWait}. */
        public Builder trackingShutdownWait(Duration wait) { return with(tracking.shutdownWait(wait)); }
        /** See {@link TrackingOptions.Builder#retention}. */
        public Builder trackingRetention(Duration retention) { return with(tracking.retention(retention)); }

        /** Shortcut for {@link TrackingOptions.Builder#rawEvents(boolean)}. */
        public Builder trackingRawEvents(boolean keep) { return with(tracking.rawEvents(keep)); }
        /** See {@link TrackingOptions.Builder#botPatterns}. */
        public Builder trackingBotPatterns(List<String> patterns) { return with(tracking.botPatterns(patterns)); }
        /** See {@link TrackingOptions.Builder#pathNormaliser}. */
        public Builder trackingPathNormaliser(Function<String, String> f) { return with(tracking.pathNormaliser(f)); }
        /** See {@link TrackingOptions.Builder#visitRetention}. */
        public Builder visitRetention(Period retention) { return with(tracking.visitRetention(retention)); }
        /** See {@link AnalyticsOptions.Builder#analystPasswordHash}. */
        public Builder analystPasswordHash(String hash) { return with(analytics.analystPasswordHash(hash)); }
        /** See {@link AnalyticsOptions.Builder#sessionLifetime}. */
        public Builder analystSessionLifetime(Duration lifetime) { return with(analytics.sessionLifetime(lifetime)); }
        /** See {@link AnalyticsOptions.Builder#failuresPerAddress}. */
        public Builder analystFailuresPerAddress(int failures) { return with(analytics.failuresPerAddress(failures)); }
        /** See {@link AnalyticsOptions.Builder#failuresGlobal}. */
        public Builder analystFailuresGlobal(int failures) { return with(analytics.failuresGlobal(failures)); }
        /** See {@link AnalyticsOptions.Builder#maxLockout}. */
        public Builder analystMaxLockout(Duration lockout) { return with(analytics.maxLockout(lockout)); }
        /** See {@link AnalyticsOptions.Builder#maxRange}. */
        public Builder analyticsMaxRange(Duration range) { return with(analytics.maxRange(range)); }

        // Locale (LocaleOptions)
        /** See {@link LocaleOptions.Builder#countryHeader}. */
        public Builder countryHeader(String header) { return with(locale.countryHeader(header)); }
        /** See {@link LocaleOptions.Builder#defaultCountry}. */
        public Builder defaultCountry(String country) { return with(locale.defaultCountry(country)); }
        /** See {@link LocaleOptions.Builder#defaultLanguage}. */
        public Builder defaultLanguage(String language) { return with(locale.defaultLanguage(language)); }
        /** See {@link LocaleOptions.Builder#languages}. */
        public Builder languages(List<String> offered) { return with(locale.languages(offered)); }

        // Forms (FormOptions) and email (EmailOptions)

        /** See {@link FormOptions.Builder#savedFields}. */
        public Builder savedFormFields(Map<String, Integer> maxLengths) { return with(forms.savedFields(maxLengths)); }
        /** See {@link FormOptions.Builder#ageField}. */
        public Builder ageField(String field) { return with(forms.ageField(field)); }
        /** See {@link EmailOptions.Builder#unsubscribeConfirmations}. */
        public Builder unsubscribeConfirmations(UnsubscribeConfirmations s) { return with(email.unsubscribeConfirmations(s)); }
        /**
         * Builds each capability's options, checks how they combine and builds the configuration.
         *
         * @throws CrumbConfigException naming the option when keys are missing or options contradict each other
         */
        public CrumbConfig build() {
            CrumbConfig config = new CrumbConfig(this);
            check(Periods.days(config.tracking.visitRetention()) >= Periods.days(config.cookie.lifetime()),
                    "visit-retention", "visit-retention (" + config.tracking.visitRetention() + ") must be at least "
                            + "cookie-max-age (" + config.cookie.lifetime() + "): a visitor's older visits are still "
                            + "needed while their cookie lives");
            check(!config.analytics.enabled() || store != null, "analyst-password-hash", "analyst-password-hash is set "
                    + "but no store is configured: the analytics endpoints read from the store — configure store(...) "
                    + "or remove the password hash");
            String own = config.cookie.effectiveName();
            for (CookieRule rule : config.consent.cookieRules()) {
                check(!(rule.prefix() ? own.startsWith(rule.name()) : own.equals(rule.name())), "cookie-categories",
                        "cookie-categories entry '" + rule.pattern() + "' matches Crumb's own cookie '" + own
                                + "', which is always necessary; register a narrower name");
            }
            return config;
        }

        /** Lets a shortcut return this builder after setting an option on a capability's builder. */
        private Builder with(Object capabilityBuilder) {
            return this;
        }
    }
}
