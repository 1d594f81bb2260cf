package dev.crumb;

import dev.crumb.internal.consent.CookieRule;
import dev.crumb.store.CrumbStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a {@link CrumbConfig} from named parameters — {@code web.xml} init-params, or {@code crumb.*}
 * properties of the Spring Boot starter — by the names of {@code docs/configuration.md}. Every error is a
 * {@link CrumbConfigException} naming the parameter.
 */
final class ConfigParameters {

    private final Function<String, String> source;

    private ConfigParameters(Function<String, String> source) {
        this.source = source;
    }

    /** The configuration the parameters describe, with keys from {@code keys} or else {@code CRUMB_KEYS}. */
    static CrumbConfig read(Function<String, String> parameter, Map<String, String> environment, CrumbStore store) {
        CrumbConfig.Builder b = CrumbConfig.builder();
        if (store != null) {
            b.store(store);
        }
        String keys = firstNonBlank(parameter.apply("keys"), environment.get("CRUMB_KEYS"));
        if (keys == null) {
            throw new CrumbConfigException("keys", "CrumbFilter needs keys: set the init-param 'keys' or the environment "
                    + "variable CRUMB_KEYS to comma-separated 32-byte base64url keys (generate one with "
                    + "`java -jar crumb-core.jar new-key`)");
        }
        b.keys(splitList(keys));
        String hashKey = firstNonBlank(parameter.apply("hash-key"), environment.get("CRUMB_HASH_KEY"));
        if (hashKey != null) {
            b.hashKey(hashKey);
        }
        ConfigParameters p = new ConfigParameters(parameter);
        p.readCookie(b);
        p.readTracking(b, environment);
        p.readConsent(b);
        p.text("saved-form-fields", v -> b.savedFormFields(fieldLengths(v)));
        p.text("age-field", v -> b.ageField("none".equalsIgnoreCase(v) ? null : v));
        p.text("messages", b::messages);
        return b.build();
    }

    private void readCookie(CrumbConfig.Builder b) {
        text("cookie-name", b::cookieName);
        bool("host-prefix", b::hostPrefix);
        bool("secure", b::alwaysSecure);
        bool("partitioned", b::partitioned);
        text("domain", b::domain);
        text("cookie-path", b::cookiePath);
        duration("max-age", b::maxAge);
        duration("visit-timeout", b::visitTimeout);
        duration("last-seen-refresh", b::lastSeenRefresh);
        text("path-prefix", b::pathPrefix);
        text("country-header", b::countryHeader);
        text("default-country", b::defaultCountry);
        text("default-language", b::defaultLanguage);
        text("languages", v -> b.languages(splitList(v)));
        text("cookie-max-age", v -> b.cookieMaxAge(period("cookie-max-age", v)));
    }

    private void readTracking(CrumbConfig.Builder b, Map<String, String> environment) {
        bool("tracking", b::tracking);
        text("tracking-buffer-capacity", v -> b.trackingBufferCapacity(integer("tracking-buffer-capacity", v)));
        text("tracking-batch-size", v -> b.trackingBatchSize(integer("tracking-batch-size", v)));
        duration("tracking-flush-interval", b::trackingFlushInterval);
        duration("tracking-shutdown-wait", b::trackingShutdownWait);
        duration("tracking-retention", b::trackingRetention);
        bool("tracking-raw-events", b::trackingRawEvents);
        text("tracking-overflow-writer-share", v -> b.trackingOverflowWriterShare(
                decimal("tracking-overflow-writer-share", v)));
        text("tracking-bot-patterns", v -> b.trackingBotPatterns(v.lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList()));
        String hash = firstNonBlank(source.apply("analyst-password-hash"), environment.get("CRUMB_ANALYST_PASSWORD_HASH"));
        if (hash != null) {
            b.analystPasswordHash(hash);
        }
        duration("analyst-session-lifetime", b::analystSessionLifetime);
        text("analyst-failures-per-address", v -> b.analystFailuresPerAddress(integer("analyst-failures-per-address", v)));
        text("analyst-failures-global", v -> b.analystFailuresGlobal(integer("analyst-failures-global", v)));
        duration("analyst-max-lockout", b::analystMaxLockout);
        duration("analytics-max-range", b::analyticsMaxRange);
        text("visit-retention", v -> b.visitRetention(period("visit-retention", v)));
    }

    private void readConsent(CrumbConfig.Builder b) {
        text("cookie-categories", v -> splitList(v).forEach(entry -> {
            CookieRule rule = CrumbConfigException.naming("cookie-categories", () -> CookieRule.parse(entry));
            b.cookieCategory(rule.pattern(), rule.category(), rule.path());
        }));
        text("unregistered-cookie-category", v -> b.unregisteredCookieCategory(category("unregistered-cookie-category", v)));
        text("opt-in-countries", v -> b.optInCountries(splitList(v)));
        bool("honour-dnt", b::honourDnt);
        text("gpc-last-update", v -> b.gpcLastUpdate(date("gpc-last-update", v)));
        text("policy-revision", v -> b.policyRevision(integer("policy-revision", v)));
        text("cookie-required-paths", v -> b.cookieRequiredPaths(splitList(v)));
        text("consent-max-age", v -> b.consentMaxAge(period("consent-max-age", v)));
        text("consent-log-retention", v -> b.consentLogRetention(period("consent-log-retention", v)));
        text("controller-name", b::controllerName);
        text("privacy-policy-url", b::privacyPolicyUrl);
    }

    private void text(String name, Consumer<String> sink) {
        String v = source.apply(name);
        if (v != null && !v.isBlank()) {
            sink.accept(v.trim());
        }
    }

    private void bool(String name, Consumer<Boolean> sink) {
        String v = source.apply(name);
        if (v == null || v.isBlank()) {
            return;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> sink.accept(true);
            case "false" -> sink.accept(false);
            default -> throw new CrumbConfigException(name, "init-param " + name + " must be true or false, was '" + v + "'");
        }
    }

    private void duration(String name, Consumer<Duration> sink) {
        String v = source.apply(name);
        if (v == null || v.isBlank()) {
            return;
        }
        try {
            sink.accept(Duration.parse(v.trim()));
        } catch (DateTimeParseException e) {
            throw new CrumbConfigException(name, "init-param " + name + " must be an ISO-8601 duration such as PT30M, was '"
                    + v + "'");
        }
    }

    /** An ISO-8601 period such as P6M or P1Y, or a duration such as P30D / PT720H (counted in whole days). */
    private static Period period(String option, String value) {
        try {
            return Period.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return Period.ofDays(Math.toIntExact(Duration.parse(value.trim()).toDays()));
            } catch (DateTimeParseException | ArithmeticException e2) {
                throw new CrumbConfigException(option, "init-param " + option + " must be an ISO-8601 period such as P6M or "
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
            throw new CrumbConfigException(option, "init-param " + option + ": " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String option, String value) {
        return parsed(option, value, LocalDate::parse, "a date such as 2026-03-01");
    }

    private static Map<String, Integer> fieldLengths(String value) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String entry : splitList(value)) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2) {
                throw new CrumbConfigException("saved-form-fields", "init-param saved-form-fields entry '" + entry
                        + "' must look like name=100 (a field name and its maximum length)");
            }
            out.put(kv[0].trim(), integer("saved-form-fields", kv[1].trim()));
        }
        return out;
    }

    private static int integer(String option, String value) {
        return parsed(option, value, Integer::parseInt, "a whole number such as 2");
    }

    private static double decimal(String option, String value) {
        return parsed(option, value, Double::parseDouble, "a number such as 0.25");
    }

    /** {@code value}, trimmed, read by {@code parser}; what it refuses fails naming the option and an example. */
    private static <T> T parsed(String option, String value, Function<String, T> parser, String example) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CrumbConfigException(option, "init-param " + option + " must be " + example + ", was '" + value
                    + "'");
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
}
