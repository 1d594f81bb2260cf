package dev.crumb.internal;

import dev.crumb.UnsubscribeConfirmations;
import dev.crumb.internal.analytics.AnalyticsSettings;
import dev.crumb.internal.consent.CookieRegistry;
import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.form.FormFieldPolicy;
import dev.crumb.internal.tracking.TrackingSettings;
import dev.crumb.store.CrumbStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the engine needs from the configuration, checked and immutable, with the secrets the public
 * {@code CrumbConfig} never hands out (the cookie keys, the hash key). Only {@code CrumbConfig} makes one
 * and only the filter passes it on, so the engine depends on no public configuration type.
 *
 * @param pathPrefix where the library's endpoints live, e.g. {@code /crumb}
 * @param store      the store, or {@code null} when none is configured
 */
public record EngineSettings(Cookie cookie, Locales locales, Consent consent, TrackingSettings tracking,
                             AnalyticsSettings analytics, FormFieldPolicy forms, Email email, Texts texts,
                             String pathPrefix, Clock clock, SecureRandom random, CrumbStore store) {

    public EngineSettings {
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(locales, "locales");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(forms, "forms");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /**
     * The visitor cookie.
     *
     * @param hashKey the base64url key for keyed hashes of visitor IDs, or {@code null} to derive one
     * @param path    the cookie's path, or {@code null} for the application's context path
     */
    public record Cookie(CookieKeys keys, String hashKey, String name, boolean hostPrefix, boolean alwaysSecure,
                         boolean partitioned, String domain, String path, Duration maxAge, Period lifetime,
                         Duration visitTimeout, Duration lastSeenRefresh) {

        /** The name as sent: with {@code __Host-} when the host prefix is on. */
        public String effectiveName() {
            return hostPrefix ? "__Host-" + name : name;
        }

        /** The analyst session cookie's name: the visitor cookie's name with {@code _analyst}. */
        public String analystName() {
            return effectiveName() + "_analyst";
        }

        /** Never shows a key. */
        @Override
        public String toString() {
            return "Cookie[" + effectiveName() + ", " + keys.all().size() + " key(s)]";
        }
    }

    /** How the visitor's country and language are found. */
    public record Locales(String countryHeader, String defaultCountry, String defaultLanguage, List<String> languages) {
    }

    /** Consent, its lifetime, the first layer of the banner, retention of the records, cookie-required paths. */
    public record Consent(CookieRegistry registry, Set<String> optInCountries, boolean honourDnt, LocalDate gpcLastUpdate,
                          int policyRevision, Period maxAge, Period logRetention, Period visitRetention,
                          String controllerName, String privacyPolicyUrl, List<String> cookieRequiredPaths) {
    }

    /** Marketing email: who sends unsubscribe links on request, or {@code null} for nobody. */
    public record Email(UnsubscribeConfirmations unsubscribeConfirmations) {
    }

    /** The site's own texts: a bundle base name ({@code null} for none) and texts given in code by language. */
    public record Texts(String bundle, Map<String, Map<String, String>> messages) {
    }
}
