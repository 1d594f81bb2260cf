package dev.crumb.internal.locale;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** ISO 639 primary language tags (as in BCP 47): validation and normalisation of untrusted input. */
public final class Languages {

    private static final Set<String> TWO_LETTER = Set.of(Locale.getISOLanguages());
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2,3}");

    private Languages() {
    }

    /**
     * The lower-case primary tag if {@code input} is an ISO 639-1 code or a well-formed three-letter
     * ISO 639-2/3 code, else {@code null}.
     */
    public static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String trimmed = input.trim();
        if (!SHAPE.matcher(trimmed).matches()) {
            return null;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.length() == 3 || TWO_LETTER.contains(lower) ? lower : null;
    }
}
