package dev.crumb.internal.locale;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** ISO 3166-1 alpha-2 country codes: validation and normalisation of untrusted input. */
public final class Countries {

    /** The user-assigned code for "unknown country". */
    public static final String UNKNOWN = "ZZ";

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2}");

    private Countries() {
    }

    /** The upper-case code if {@code input} is a known alpha-2 code (or {@code ZZ}), else {@code null}. */
    public static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String trimmed = input.trim();
        if (!SHAPE.matcher(trimmed).matches()) {
            return null;
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        return CODES.contains(upper) || UNKNOWN.equals(upper) ? upper : null;
    }
}
