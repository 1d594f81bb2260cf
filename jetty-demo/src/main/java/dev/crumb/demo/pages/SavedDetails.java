package dev.crumb.demo.pages;

import dev.crumb.FormSaveResult;
import dev.crumb.Html;
import dev.crumb.demo.web.SiteTexts;
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
        // Field name -> key of its label in the demo's bundle, shared with the forms' labels.
        labels.put("name", "field.name");
        labels.put("email", "field.email");
        labels.put("street", "field.street");
        labels.put("city", "field.city");
        labels.put("postcode", "field.postcode");
        labels.put("phone", "field.phone");
        labels.put("serialNumber", "field.serial");
        return labels;
    }

    /** The saved details as a description list, labelled in the language of {@code t}, in form order; unknown fields are left out. */
    public static Html list(Map<String, String> saved, SiteTexts t) {
        Html rows = LABELS.entrySet().stream()
                .filter(entry -> saved.containsKey(entry.getKey()))
                .map(entry -> Html.of("<div><dt>%s</dt><dd>%s</dd></div>", t.get(entry.getValue()), saved.get(entry.getKey())))
                .collect(Html.joining());
        return Html.of("<dl class=\"saved-details\" id=\"saved-details\">%s</dl>", rows);
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
    static Html note(String code, Map<String, String> saved, String formPath, SiteTexts t) {
        // Labels in running text are lower-cased, except in German, which capitalises its nouns.
        List<String> names = LABELS.entrySet().stream().filter(e -> saved.containsKey(e.getKey()))
                .map(e -> t.get(e.getValue()))
                .map(label -> t.lang().equals("de") ? label : label.toLowerCase(t.formatLocale())).toList();
        return switch (code == null ? "" : code) {
            case "all", "some" -> Html.of("<p class=\"note\" id=\"saved-note\">%s</p>",
                    t.html("saved.kept", String.join(", ", names)));
            case "consent" -> Html.of("<p class=\"note\" id=\"saved-note\">%s</p>", t.html("saved.consent", formPath));
            case "none" -> Html.of("<p class=\"note\" id=\"saved-note\">%s</p>", t.get("saved.none"));
            default -> Html.EMPTY;
        };
    }
}
