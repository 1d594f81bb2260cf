package dev.crumb;

import static dev.crumb.CrumbConfigException.check;
import static dev.crumb.CrumbConfigException.naming;

import dev.crumb.internal.consent.CookieRule;
import dev.crumb.internal.consent.OptInRegions;
import dev.crumb.internal.locale.Countries;
import dev.crumb.internal.web.CookieRequirement;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The consent options: which application cookie belongs to which category, where optional categories
 * start off, how Global Privacy Control and DNT count, how long a choice holds and the consent log is
 * kept, the banner's first layer (controller and privacy policy), and the paths that need a cookie. Build
 * one with {@link #builder()} and give it to {@link CrumbConfig.Builder#consent}, or use the shortcuts of
 * {@link CrumbConfig.Builder}. Errors are {@link CrumbConfigException}s naming the option.
 */
public final class ConsentOptions {

    /** The default {@code lastUpdate} of {@code /.well-known/gpc.json}: when Crumb began honouring GPC. */
    public static final LocalDate DEFAULT_GPC_LAST_UPDATE = LocalDate.of(2026, 3, 1);

    private final List<CookieRule> cookieRules;
    private final Category unregisteredCookieCategory;
    private final Set<String> optInCountries;
    private final boolean honourDnt;
    private final LocalDate gpcLastUpdate;
    private final int policyRevision;
    private final Period maxAge;
    private final Period logRetention;
    private final String controllerName;
    private final String privacyPolicyUrl;
    private final List<String> cookieRequiredPaths;

    private ConsentOptions(Builder b) {
        this.cookieRules = List.copyOf(b.cookieRules);
        this.unregisteredCookieCategory = b.unregisteredCookieCategory;
        this.optInCountries = Set.copyOf(b.optInCountries);
        this.honourDnt = b.honourDnt;
        this.gpcLastUpdate = b.gpcLastUpdate;
        this.policyRevision = b.policyRevision;
        this.maxAge = b.maxAge;
        this.logRetention = b.logRetention;
        this.controllerName = b.controllerName;
        this.privacyPolicyUrl = b.privacyPolicyUrl;
        this.cookieRequiredPaths = List.copyOf(b.cookieRequiredPaths);
    }

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cookieRules.addAll(cookieRules);
        b.unregisteredCookieCategory = unregisteredCookieCategory;
        b.optInCountries = optInCountries;
        b.honourDnt = honourDnt;
        b.gpcLastUpdate = gpcLastUpdate;
        b.policyRevision = policyRevision;
        b.maxAge = maxAge;
        b.logRetention = logRetention;
        b.controllerName = controllerName;
        b.privacyPolicyUrl = privacyPolicyUrl;
        b.cookieRequiredPaths = cookieRequiredPaths;
        return b;
    }

    /** The category of cookies nobody registered (default {@link Category#MARKETING}). */
    public Category unregisteredCookieCategory() {
        return unregisteredCookieCategory;
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

    /** How long a visitor's consent choice holds (default 6 months, at most 13); then the banner asks again. */
    public Period maxAge() {
        return maxAge;
    }

    /** How long a consent record is kept after a newer record of the same visitor superseded it (default 5 years). */
    public Period logRetention() {
        return logRetention;
    }

    /** The name of the site's operator (the data controller) shown in the banner and on the consent page, or {@code null}. */
    public String controllerName() {
        return controllerName;
    }

    /** The privacy policy's address linked from the banner and the consent page, or {@code null}. */
    public String privacyPolicyUrl() {
        return privacyPolicyUrl;
    }

    /** Paths that need a cookie (e.g. {@code /cart}); visitors who block cookies get an explanation there. */
    public List<String> cookieRequiredPaths() {
        return cookieRequiredPaths;
    }

    /** The registered cookie categories, for the engine's settings. */
    List<CookieRule> cookieRules() {
        return cookieRules;
    }

    /** Builds {@link ConsentOptions}; each setter checks its value and names the option in its error. */
    public static final class Builder {
        private final List<CookieRule> cookieRules = new ArrayList<>();
        private Category unregisteredCookieCategory = Category.MARKETING;
        private Set<String> optInCountries = OptInRegions.DEFAULT;
        private boolean honourDnt;
        private LocalDate gpcLastUpdate = DEFAULT_GPC_LAST_UPDATE;
        private int policyRevision = 1;
        private Period maxAge = Periods.DEFAULT_CONSENT_MAX_AGE;
        private Period logRetention = Periods.DEFAULT_CONSENT_LOG_RETENTION;
        private String controllerName;
        private String privacyPolicyUrl;
        private List<String> cookieRequiredPaths = List.of();

        private Builder() {
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
            check(nameOrPrefix != null, "cookie-categories", "cookie-categories: a cookie name is missing");
            check(category != null, "cookie-categories", "cookie-categories: the category of '" + nameOrPrefix + "' is missing");
            cookieRules.add(naming("cookie-categories", () -> CookieRule.of(nameOrPrefix, category, path)));
            return this;
        }

        /** The category of cookies nobody registered; default {@link Category#MARKETING}, the strictest. */
        public Builder unregisteredCookieCategory(Category category) {
            check(category != null, "unregistered-cookie-category", "unregistered-cookie-category must not be null");
            this.unregisteredCookieCategory = category;
            return this;
        }

        /**
         * The ISO 3166-1 countries where every optional category starts off until the visitor chooses,
         * replacing the default (EU/EEA, UK, Switzerland). Unknown visitors ({@code ZZ}) are always opt-in.
         */
        public Builder optInCountries(Collection<String> countries) {
            check(countries != null, "opt-in-countries", "opt-in-countries must not be null");
            Set<String> checked = new LinkedHashSet<>();
            for (String country : countries) {
                String c = Countries.normalise(country);
                check(c != null, "opt-in-countries",
                        "opt-in-countries entry '" + country + "' is not an ISO 3166-1 alpha-2 code such as DE");
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
            check(date != null, "gpc-last-update", "gpc-last-update must be a date such as 2026-03-01");
            this.gpcLastUpdate = date;
            return this;
        }

        /**
         * The revision of the privacy policy, recorded with every choice. Raise it when the policy changes
         * what it asks consent for: visitors who chose under a lower revision are asked again.
         */
        public Builder policyRevision(int revision) {
            check(revision >= 1, "policy-revision", "policy-revision must be 1 or more, was " + revision);
            this.policyRevision = revision;
            return this;
        }

        /** How long a consent choice holds, default 6 months (P6M), at most 13; after it the visitor is asked again. */
        public Builder maxAge(Period lifetime) {
            check(lifetime != null && Periods.within(lifetime, Period.ofDays(1), Period.ofMonths(13)), "consent-max-age",
                    "consent-max-age must be between 1 day and 13 months (P13M), was " + lifetime);
            this.maxAge = lifetime;
            return this;
        }

        /**
         * How long a consent record is kept after a newer record of the same visitor superseded it, default
         * 5 years (P5Y); the newest record of a visitor is always kept.
         */
        public Builder logRetention(Period retention) {
            check(retention != null && Periods.within(retention, Period.ofMonths(1), Period.ofYears(30)),
                    "consent-log-retention", "consent-log-retention must be between 1 month and 30 years, was " + retention);
            this.logRetention = retention;
            return this;
        }

        /** The site operator's name (the data controller), shown in the banner and on the consent page. */
        public Builder controllerName(String name) {
            check(name == null || !name.isBlank() && name.length() <= 200, "controller-name",
                    "controller-name must be 1 to 200 characters, was '" + name + "'");
            this.controllerName = name == null ? null : name.strip();
            return this;
        }

        /**
         * The privacy policy's address, linked from the banner and the consent page: an https URL or a path
         * starting with {@code /}.
         */
        public Builder privacyPolicyUrl(String url) {
            check(url == null || Periods.safeLink(url), "privacy-policy-url",
                    "privacy-policy-url must be an https:// or http:// URL or a path starting with /, was '" + url + "'");
            this.privacyPolicyUrl = url == null ? null : url.strip();
            return this;
        }

        /**
         * Paths that truly need a cookie, such as {@code /cart} and {@code /account} (each matches itself and
         * everything below it). A visitor who blocks cookies gets one probe redirect there, then an
         * explanation page; every other path works without cookies.
         */
        public Builder cookieRequiredPaths(List<String> paths) {
            check(paths != null, "cookie-required-paths", "cookie-required-paths must not be null");
            naming("cookie-required-paths", () -> new CookieRequirement(paths));
            this.cookieRequiredPaths = List.copyOf(paths);
            return this;
        }

        /** Builds the consent options (each option was checked as it was set). */
        public ConsentOptions build() {
            return new ConsentOptions(this);
        }
    }
}
