package dev.crumb.internal.form;

import dev.crumb.FormSaveResult;
import dev.crumb.FormSaveResult.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides what of a submitted form goes into the cookie: only with preferences consent, only
 * allow-listed fields within their length, never a card number, nothing at all for a child, and only
 * as much as fits the cookie's size limit. Values are trimmed; empty values remove a saved field.
 */
public final class FormSaver {

    private final FormFieldPolicy policy;

    public FormSaver(FormFieldPolicy policy) {
        this.policy = policy;
    }

    /**
     * What to save, merged over what is already saved.
     *
     * @param alreadySaved what the cookie holds now
     * @param submitted    the submitted fields (any names; only allow-listed ones are considered)
     * @param consent      whether the visitor consents to preferences
     * @param fitCheck     given the merged fields, returns the names that had to be left out to fit the cookie
     */
    public Outcome save(Map<String, String> alreadySaved, Map<String, String> submitted, boolean consent,
                        Function<Map<String, String>, List<String>> fitCheck) {
        Map<String, Reason> skipped = new LinkedHashMap<>();
        if (!consent || policy.reportsChild(submitted)) {
            Reason why = consent ? Reason.UNDER_13 : Reason.NO_CONSENT;
            submitted.keySet().forEach(k -> skipped.put(k, why));
            return new Outcome(alreadySaved, new FormSaveResult(FormSaveResult.Status.NOT_SAVED, java.util.Set.of(), skipped));
        }
        Map<String, String> merged = new LinkedHashMap<>(alreadySaved);
        TreeSet<String> accepted = new TreeSet<>();
        for (Map.Entry<String, String> e : submitted.entrySet()) {
            String value = e.getValue() == null ? "" : sanitise(e.getValue());
            Reason reason = policy.rejection(e.getKey(), value);
            if (reason != null) {
                skipped.put(e.getKey(), reason);
            } else if (value.isEmpty()) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), value);
                accepted.add(e.getKey());
            }
        }
        for (String dropped : fitCheck.apply(merged)) {
            merged.remove(dropped);
            accepted.remove(dropped);
            skipped.put(dropped, Reason.COOKIE_FULL);
        }
        FormSaveResult.Status status = accepted.isEmpty() ? FormSaveResult.Status.NOT_SAVED
                : skipped.isEmpty() ? FormSaveResult.Status.SAVED : FormSaveResult.Status.PARTLY_SAVED;
        return new Outcome(merged, new FormSaveResult(status, accepted, skipped));
    }

    /** The fields to keep in the cookie, and the result for the application. */
    public record Outcome(Map<String, String> fields, FormSaveResult result) {
        public Outcome {
            fields = Map.copyOf(fields);
        }
    }

    /** Trims and removes control characters (CR/LF among them) so a saved value is always one clean line. */
    static String sanitise(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isISOControl(c)) {
                b.append(c);
            }
        }
        return b.toString().strip();
    }
}
