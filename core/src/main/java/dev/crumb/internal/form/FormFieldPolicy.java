package dev.crumb.internal.form;

import dev.crumb.FormSaveResult.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which form fields may be saved in the cookie and how long each may be: "asks only for the minimum
 * amount of information". Everything not on the allow-list — a message, a password, a card number —
 * is never saved.
 */
public final class FormFieldPolicy {

    /** The default allow-list: field name → maximum length in characters. */
    public static final Map<String, Integer> DEFAULT_FIELDS = defaults();

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private final Map<String, Integer> maxLengths;
    private final String ageField;

    /**
     * @param maxLengths allowed field names and their maximum lengths (1–500)
     * @param ageField   the field in which forms report an age, or {@code null}
     */
    public FormFieldPolicy(Map<String, Integer> maxLengths, String ageField) {
        Objects.requireNonNull(maxLengths, "maxLengths");
        for (Map.Entry<String, Integer> e : maxLengths.entrySet()) {
            if (!FIELD_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("saved-form-fields: '" + e.getKey()
                        + "' is not a field name (a letter, then up to 39 letters, digits, '_' or '-')");
            }
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 500) {
                throw new IllegalArgumentException("saved-form-fields: the maximum length of '" + e.getKey()
                        + "' must be 1 to 500 characters, was " + e.getValue());
            }
        }
        this.maxLengths = Map.copyOf(maxLengths);
        this.ageField = ageField;
    }

    /** The allow-list. */
    public Map<String, Integer> maxLengths() {
        return maxLengths;
    }

    /** Why {@code value} may not be saved under {@code field}, or {@code null} when it may. */
    public Reason rejection(String field, String value) {
        Integer max = maxLengths.get(field);
        if (max == null) {
            return Reason.NOT_ALLOWED;
        }
        if (value.length() > max) {
            return Reason.TOO_LONG;
        }
        if (CardNumbers.looksLikeCardNumber(value)) {
            return Reason.LOOKS_LIKE_CARD_NUMBER;
        }
        return null;
    }

    /** Whether the submitted form reports an age under 13 in the configured age field. */
    public boolean reportsChild(Map<String, String> submitted) {
        if (ageField == null) {
            return false;
        }
        String age = submitted.get(ageField);
        if (age == null) {
            return false;
        }
        try {
            int years = Integer.parseInt(age.trim());
            return years >= 0 && years < 13;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("name", 100);
        m.put("email", 254);
        m.put("street", 200);
        m.put("city", 100);
        m.put("postcode", 16);
        m.put("country", 60);
        m.put("phone", 32);
        m.put("customerNumber", 40);
        m.put("serialNumber", 40);
        return java.util.Collections.unmodifiableMap(m);
    }
}
