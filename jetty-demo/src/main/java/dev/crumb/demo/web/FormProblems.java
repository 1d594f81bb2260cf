package dev.crumb.demo.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the friendly messages of one form submission, at most one per field, in the order the
 * fields appear on the page. A check is skipped for a field that already has a problem.
 */
public final class FormProblems {

    // Deliberately simple: the only real test of an address is a reply to it.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final SiteTexts texts;

    /** Problems written in English. */
    public FormProblems() {
        this(SiteTexts.of("en"));
    }

    /** Problems whose built-in messages (too long, not an email address) are in the language of {@code texts}. */
    public FormProblems(SiteTexts texts) {
        this.texts = texts;
    }

    /** Requires a non-blank value. */
    public FormProblems required(String field, String value, String message) {
        if (value.isBlank()) {
            add(field, message);
        }
        return this;
    }

    /** Requires at most {@code max} characters; {@code label} names the field at the start of the message. */
    public FormProblems maxLength(String field, String value, int max, String label) {
        if (value.length() > max) {
            add(field, texts.format("form.tooLong", label, max, value.length()));
        }
        return this;
    }

    /** Requires something that looks like an email address, when a value is present. */
    public FormProblems email(String field, String value) {
        if (!value.isBlank() && !EMAIL.matcher(value).matches()) {
            add(field, texts.get("form.emailFormat"));
        }
        return this;
    }

    /** Requires {@code value}, when present, to match {@code pattern}. */
    public FormProblems matches(String field, String value, Pattern pattern, String message) {
        if (!value.isBlank() && !pattern.matcher(value).matches()) {
            add(field, message);
        }
        return this;
    }

    /** Adds a problem found outside these checks, for example by a service the form calls. */
    public FormProblems problem(String field, String message) {
        add(field, message);
        return this;
    }

    /** Whether every check passed. */
    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** The message for {@code field}, or {@code null} when it has none. */
    public String of(String field) {
        return byField.get(field);
    }

    /** Every message by field name, in page order. */
    public Map<String, String> all() {
        return Collections.unmodifiableMap(byField);
    }

    private void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }
}
