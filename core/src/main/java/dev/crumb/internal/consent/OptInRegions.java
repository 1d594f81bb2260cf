package dev.crumb.internal.consent;

import dev.crumb.internal.locale.Countries;
import java.util.Set;

/**
 * The countries whose law asks consent before any optional cookie (opt-in). By default the EU and EEA
 * member states, the United Kingdom and Switzerland. The unknown country {@code ZZ} is always opt-in:
 * when Crumb cannot tell where a visitor is, it assumes the strictest rules.
 */
public record OptInRegions(Set<String> countries) {

    /** EU-27, the EEA members Iceland, Liechtenstein and Norway, the United Kingdom and Switzerland. */
    public static final Set<String> DEFAULT = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO",
            "GB", "CH");

    public OptInRegions {
        countries = Set.copyOf(countries);
    }

    /** The default regions. */
    public static OptInRegions defaults() {
        return new OptInRegions(DEFAULT);
    }

    /** Whether a visitor from {@code country} must opt in; true for {@code ZZ} and anything unrecognised. */
    public boolean requiresOptIn(String country) {
        String c = Countries.normalise(country);
        return c == null || Countries.UNKNOWN.equals(c) || countries.contains(c);
    }
}
