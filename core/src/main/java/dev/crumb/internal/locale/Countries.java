package dev.crumb.internal.locale;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes: validation and normalisation of untrusted input. */
public final class Countries {

    /** The user-assigned code for "unknown country". */
    public static final String UNKNOWN = "ZZ";

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** The upper-case code if {@code input} is a known alpha-2 code (or {@code ZZ}), else {@code null}. */
    public static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String trimmed = input.trim();
        // Two ASCII letters, checked by hand: this runs on every request with a country header.
        if (trimmed.length() != 2 || !isAsciiLetter(trimmed.charAt(0)) || !isAsciiLetter(trimmed.charAt(1))) {
            return null;
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        return CODES.contains(upper) || UNKNOWN.equals(upper) ? upper : null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
