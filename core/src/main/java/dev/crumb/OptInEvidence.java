package dev.crumb;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a form submitted when a visitor asked for marketing email: the form's name, the name of its opt-in
 * checkbox, and the submitted fields (so Crumb can see that the box was ticked and read the configured
 * age field). {@link EmailChoices#optIn} keeps the policy with it — never pre-ticked, only when ticked,
 * never under 13 — instead of trusting every caller to check.
 *
 * @param formName      the form's name, recorded with the opt-in (such as {@code contact})
 * @param checkboxField the name of the opt-in checkbox (such as {@code marketing}); browsers send it only
 *                      when the box is ticked
 * @param submitted     the submitted fields, first value of each
 */
public record OptInEvidence(String formName, String checkboxField, Map<String, String> submitted) {

    /** Values a script might send for an unticked box; a browser sends nothing at all. */
    private static final Set<String> UNTICKED = Set.of("", "off", "false", "0", "no");

    public OptInEvidence {
        if (formName == null || formName.isBlank()) {
            throw new IllegalArgumentException("formName must name the form, such as \"contact\"");
        }
        if (checkboxField == null || checkboxField.isBlank()) {
            throw new IllegalArgumentException("checkboxField must name the opt-in checkbox, such as \"marketing\"");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(submitted, "submitted").forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        submitted = Map.copyOf(copy);
    }

    /** The evidence in a submitted request's parameters (first value of each). */
    public static OptInEvidence fromRequest(HttpServletRequest request, String formName, String checkboxField) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (v != null && v.length > 0) {
                fields.put(k, v[0]);
            }
        });
        return new OptInEvidence(formName, checkboxField, fields);
    }

    /** The evidence in fields a form submitted (for frameworks that bind forms to maps). */
    public static OptInEvidence fromForm(Map<String, String> submitted, String formName, String checkboxField) {
        return new OptInEvidence(formName, checkboxField, submitted);
    }

    /** Whether the opt-in box was ticked: the browser sent the checkbox field with a value. */
    public boolean ticked() {
        String value = submitted.get(checkboxField);
        return value != null && !UNTICKED.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
