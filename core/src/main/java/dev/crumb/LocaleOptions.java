package dev.crumb;

import static dev.crumb.CrumbConfigException.check;

import dev.crumb.internal.locale.Countries;
import dev.crumb.internal.locale.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How Crumb finds the visitor's country and language when the visitor has not chosen: a trusted CDN
 * header, the defaults, the languages the site offers. Build one with {@link #builder()} and give it to
 * {@link CrumbConfig.Builder#locale}, or use the shortcuts of {@link CrumbConfig.Builder}.
 */
public final class LocaleOptions {

    private final String countryHeader;
    private final String defaultCountry;
    private final String defaultLanguage;
    private final List<String> languages;

    private LocaleOptions(Builder b) {
        this.countryHeader = b.countryHeader;
        this.defaultCountry = b.defaultCountry;
        this.defaultLanguage = b.defaultLanguage;
        this.languages = List.copyOf(b.languages);
    }

    /** A builder with every option at its default: no header, country {@code ZZ}, language {@code en}, any language. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.countryHeader = countryHeader;
        b.defaultCountry = defaultCountry;
        b.defaultLanguage = defaultLanguage;
        b.languages = languages;
        return b;
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

    /** Builds {@link LocaleOptions}; each setter checks its value and names the option in its error. */
    public static final class Builder {
        private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

        private String countryHeader;
        private String defaultCountry = Countries.UNKNOWN;
        private String defaultLanguage = "en";
        private List<String> languages = List.of();

        private Builder() {
        }

        /**
         * The name of a request header, set by a CDN you trust, that carries the visitor's country
         * (e.g. {@code CF-IPCountry}). Off by default: only set it when every request passes that CDN.
         */
        public Builder countryHeader(String header) {
            check(header == null || HEADER_NAME.matcher(header).matches(), "country-header",
                    "country-header '" + header + "' is not a header name");
            this.countryHeader = header;
            return this;
        }

        /** The country when nothing else tells, an ISO 3166-1 alpha-2 code; default {@code ZZ} (unknown). */
        public Builder defaultCountry(String country) {
            String c = Countries.normalise(country);
            check(c != null, "default-country",
                    "default-country '" + country + "' is not an ISO 3166-1 alpha-2 code such as US or DE");
            this.defaultCountry = c;
            return this;
        }

        /** The language when nothing else tells, an ISO 639 code; default {@code en}. */
        public Builder defaultLanguage(String language) {
            String l = Languages.normalise(language);
            check(l != null, "default-language", "default-language '" + language + "' is not an ISO 639 code such as en or de");
            this.defaultLanguage = l;
            return this;
        }

        /** The languages the site offers, e.g. {@code en, de, fr}; empty (default) accepts any valid language. */
        public Builder languages(List<String> offered) {
            check(offered != null, "languages", "languages must not be null; give an empty list for any language");
            List<String> checked = new ArrayList<>();
            for (String language : offered) {
                String l = Languages.normalise(language);
                check(l != null, "languages", "languages entry '" + language + "' is not an ISO 639 code such as en or de");
                checked.add(l);
            }
            this.languages = checked;
            return this;
        }

        /**
         * Checks that the default language is offered and builds the options.
         *
         * @throws CrumbConfigException when {@code default-language} is not among {@code languages}
         */
        public LocaleOptions build() {
            check(languages.isEmpty() || languages.contains(defaultLanguage), "default-language",
                    "default-language '" + defaultLanguage + "' is not among languages " + languages);
            return new LocaleOptions(this);
        }
    }
}
