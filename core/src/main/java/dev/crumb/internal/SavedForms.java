package dev.crumb.internal;

import dev.crumb.Category;
import dev.crumb.FormSaveResult;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.form.FormSaver;
import dev.crumb.internal.visitor.VisitorSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Saves allow-listed form fields in the visitor cookie of a response, as far as consent, the rules and the
 * cookie's size allow (see {@link FormSaver}): what {@code Crumb.saveForm} does.
 */
final class SavedForms {

    private final FormSaver forms;
    private final CookieOutput cookies;

    SavedForms(FormSaver forms, CookieOutput cookies) {
        this.forms = forms;
        this.cookies = cookies;
    }

    FormSaveResult save(VisitorSession session, Map<String, String> submitted) {
        Map<String, String> fields = new LinkedHashMap<>();
        submitted.forEach((k, v) -> {
            if (k != null) {
                fields.put(k, v == null ? "" : v);
            }
        });
        if (session.committed()) {
            Map<String, FormSaveResult.Reason> skipped = new LinkedHashMap<>();
            fields.keySet().forEach(k -> skipped.put(k, FormSaveResult.Reason.RESPONSE_COMMITTED));
            return new FormSaveResult(FormSaveResult.Status.NOT_SAVED, Set.of(), skipped);
        }
        CookiePayload payload = session.payload();
        Map<String, String> already = payload.savedForm() == null ? Map.of() : payload.savedForm();
        FormSaver.Outcome outcome = forms.save(already, fields, session.consents(Category.PREFERENCES),
                merged -> cookies.fieldsThatWouldNotFit(payload.withSavedForm(merged)));
        session.replace(payload.withSavedForm(outcome.fields()));
        return outcome.result();
    }
}
