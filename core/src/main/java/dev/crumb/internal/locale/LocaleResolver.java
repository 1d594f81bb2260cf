package dev.crumb.internal.locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Resolves country and language for a visitor who has no cookie yet: a trusted CDN header (when
 * configured), then {@code Accept-Language} ({@code de-DE} gives {@code de} and {@code DE}), then the
 * configured defaults. Explicit choices and the cookie come first and are handled by the caller.
 * Every value is validated; invalid input is ignored, never echoed.
 */
public final class LocaleResolver {

    /** Longer {@code Accept-Language} values are cut before parsing; real browsers send far less. */
    static final int MAX_ACCEPT_LANGUAGE = 1024;
    /**
     * {@code Accept-Language} values up to this length are parsed once and remembered: every new visitor's
     * first request parses it, and the JDK's {@code LanguageRange.parse} took a fifth of Crumb's time on such a
     * request (docs/performance.md, "Round 8"); browsers send few distinct values.
     */
    static final int MAX_REMEMBERED = 256;
    private static final FromHeader NOTHING = new FromHeader(null, null);

    private final String countryHeader;
    private final String defaultCountry;
    private final String defaultLanguage;
    private final List<String> offered;
    private final Cache<String, FromHeader> remembered = Caffeine.newBuilder().maximumSize(1_000).build();

    /** What {@code Accept-Language} says: its first offered language and its first country, each or {@code null}. */
    private record FromHeader(String language, String country) {
    }

    /** Country and language, both valid codes. */
    public record Resolved(String country, String language) {
        public Resolved {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(language, "language");
        }
    }

    public LocaleResolver(String countryHeader, String defaultCountry, String defaultLanguage, List<String> offered) {
        this.countryHeader = countryHeader;
        this.defaultCountry = Objects.requireNonNull(defaultCountry, "defaultCountry");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.offered = List.copyOf(offered);
    }

    /** Resolves from the request's headers and the defaults. */
    public Resolved resolve(HttpServletRequest request) {
        String country = countryHeader == null ? null : Countries.normalise(request.getHeader(countryHeader));
        if (Countries.UNKNOWN.equals(country)) {
            country = null;
        }
        FromHeader header = fromAcceptLanguage(request.getHeader("Accept-Language"));
        String language = header.language();
        if (country == null) {
            country = header.country();
        }
        return new Resolved(country == null ? defaultCountry : country, language == null ? defaultLanguage : language);
    }

    private FromHeader fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return NOTHING;
        }
        return header.length() > MAX_REMEMBERED ? parse(header) : remembered.get(header, this::parse);
    }

    private FromHeader parse(String header) {
        String language = null;
        String country = null;
        // The first range with an offered language gives the language, the first with a known region the country.
        for (Locale.LanguageRange range : ranges(header)) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String[] parts = range.getRange().split("-");
            if (language == null) {
                String candidate = Languages.normalise(parts[0]);
                if (candidate != null && (offered.isEmpty() || offered.contains(candidate))) {
                    language = candidate;
                }
            }
            if (country == null && parts.length > 1) {
                country = Countries.normalise(parts[1]);
            }
            if (language != null && country != null) {
                break;
            }
        }
        return new FromHeader(language, country);
    }

    /**
     * The country of the configured trusted header on this request ({@code country-header}, set by the
     * CDN or proxy), or {@code null} when none is configured or the value is not a known country. Only
     * this country (or one the visitor chose) decides consent defaults; see {@code ConsentRegion}.
     */
    public String trustedCountry(HttpServletRequest request) {
        String country = countryHeader == null ? null : Countries.normalise(request.getHeader(countryHeader));
        return Countries.UNKNOWN.equals(country) ? null : country;
    }

    /** Whether the site offers {@code language} (any valid language when none are configured). */
    public boolean offers(String language) {
        return offered.isEmpty() || offered.contains(language);
    }

    static List<Locale.LanguageRange> ranges(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String cut = header.length() > MAX_ACCEPT_LANGUAGE ? header.substring(0, MAX_ACCEPT_LANGUAGE) : header;
        try {
            return Locale.LanguageRange.parse(cut);
        } catch (RuntimeException e) {
            // A malformed header (or one cut mid-range): fall back to the first well-formed tag, if any.
            // Not only IllegalArgumentException as documented: the JDK throws ArrayIndexOutOfBoundsException
            // for a lone "-", found by HostileInputTest.
            for (String part : cut.split(",")) {
                int semicolon = part.indexOf(';');
                String tag = (semicolon >= 0 ? part.substring(0, semicolon) : part).trim();
                if (tag.isEmpty()) {
                    continue;
                }
                try {
                    return Locale.LanguageRange.parse(tag);
                } catch (RuntimeException ignored) {
                    // try the next one
                }
            }
            return List.of();
        }
    }
}
