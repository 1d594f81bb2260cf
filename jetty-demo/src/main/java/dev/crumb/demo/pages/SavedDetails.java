package dev.crumb.demo.pages;

import dev.crumb.FormSaveResult;
import dev.crumb.demo.web.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form fields the demo saves through {@code Crumb.saveForm} (with preferences consent) and how it
 * shows them: the account page lists them, the forms pre-fill them, the thank-you pages say what was
 * saved. The names are those of Crumb's default allow-list; free text such as a message is never saved.
 */
public final class SavedDetails {

    private static final Map<String, String> LABELS = labels();

    private SavedDetails() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", "Name");
        labels.put("email", "Email");
        labels.put("street", "Street address");
        labels.put("city", "City");
        labels.put("postcode", "ZIP or postcode");
        labels.put("phone", "Phone");
        labels.put("serialNumber", "Product serial number");
        return labels;
    }

    /** The saved details as a description list, in form order; unknown fields are left out. */
    public static Html list(Map<String, String> saved) {
        Html rows = LABELS.entrySet().stream()
                .filter(entry -> saved.containsKey(entry.getKey()))
                .map(entry -> Html.of("<div><dt>{}</dt><dd>{}</dd></div>", entry.getValue(), saved.get(entry.getKey())))
                .collect(Html.joining());
        return Html.of("<dl class=\"saved-details\" id=\"saved-details\">{}</dl>", rows);
    }

    /** How the outcome of a save is carried to the thank-you page, in its {@code saved} query parameter. */
    static String outcomeCode(FormSaveResult result) {
        if (result.anySaved()) {
            return result.status() == FormSaveResult.Status.SAVED ? "all" : "some";
        }
        return result.skipped().containsValue(FormSaveResult.Reason.NO_CONSENT) ? "consent" : "none";
    }

    /**
     * The note on a thank-you page about what was saved for next time, from the {@code saved} parameter
     * and the visitor's saved details; nothing for an unknown code.
     */
    static Html note(String code, Map<String, String> saved, String formPath) {
        List<String> names = LABELS.entrySet().stream().filter(e -> saved.containsKey(e.getKey()))
                .map(e -> e.getValue().toLowerCase(java.util.Locale.ROOT)).toList();
        return switch (code == null ? "" : code) {
            case "all", "some" -> Html.of("""
                    <p class="note" id="saved-note">Saved for next time: {}. We keep them only in your browser's
                    cookie; <a href="/crumb/me">forget them</a> at any time.</p>""", String.join(", ", names));
            case "consent" -> Html.of("""
                    <p class="note" id="saved-note">Allow preference cookies in the
                    <a href="/crumb/consent?return={}">cookie settings</a> to have this form remembered for next
                    time.</p>""", formPath);
            case "none" -> Html.of("""
                    <p class="note" id="saved-note">Your details could not be saved for next time; you will need to
                    type them again.</p>""");
            default -> Html.EMPTY;
        };
    }
}
