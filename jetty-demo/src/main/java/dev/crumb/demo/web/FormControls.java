package dev.crumb.demo.web;

import dev.crumb.Html;
import java.util.Map;

/**
 * Renders labelled, accessible form controls: every control has a label, a problem is announced next
 * to its field and linked through {@code aria-describedby}, and a summary of all problems heads the form.
 */
public final class FormControls {

    private FormControls() {
    }

    /**
     * Describes one text input.
     *
     * @param name         the field name, also used for the element ID
     * @param label        the visible label
     * @param type         the input type, e.g. {@code text}, {@code email}, {@code tel}
     * @param autocomplete the autocomplete token, e.g. {@code postal-code}
     * @param required     whether the field is required
     * @param hint         a hint shown under the label, or an empty string
     */
    public record Field(String name, String label, String type, String autocomplete, boolean required, String hint) {

        /** A required field without a hint. */
        public static Field required(String name, String label, String type, String autocomplete) {
            return new Field(name, label, type, autocomplete, true, "");
        }

        /** An optional field without a hint. */
        public static Field optional(String name, String label, String type, String autocomplete) {
            return new Field(name, label, type, autocomplete, false, "");
        }

        /** This field with a hint under its label. */
        public Field withHint(String text) {
            return new Field(name, label, type, autocomplete, required, text);
        }
    }

    /** A text input with its label, hint and problem, marked up in English. */
    public static Html input(Field field, String value, FormProblems problems) {
        return input(field, value, problems, SiteTexts.of("en"));
    }

    /** A text input with its label, hint and problem; {@code t} gives the "(optional)" marker. */
    public static Html input(Field field, String value, FormProblems problems, SiteTexts t) {
        return Html.of("""
                <div class="field%s">
                  %s
                  <input id="%s" name="%s" type="%s" autocomplete="%s" value="%s"%s%s>
                </div>""",
                problems.of(field.name()) == null ? "" : " field-invalid",
                labelBlock(field, problems, t), field.name(), field.name(), field.type(), field.autocomplete(), value,
                field.required() ? Html.trusted(" required") : Html.EMPTY,
                describedBy(field, problems));
    }

    /** A multi-line text area with its label, hint and problem, marked up in English. */
    public static Html textArea(Field field, String value, FormProblems problems) {
        return textArea(field, value, problems, SiteTexts.of("en"));
    }

    /** A multi-line text area with its label, hint and problem; {@code t} gives the "(optional)" marker. */
    public static Html textArea(Field field, String value, FormProblems problems, SiteTexts t) {
        return Html.of("""
                <div class="field%s">
                  %s
                  <textarea id="%s" name="%s" rows="6"%s%s>%s</textarea>
                </div>""",
                problems.of(field.name()) == null ? "" : " field-invalid",
                labelBlock(field, problems, t), field.name(), field.name(),
                field.required() ? Html.trusted(" required") : Html.EMPTY,
                describedBy(field, problems), value);
    }

    /**
     * The list of problems at the top of a form, each linking to its field, or nothing when there are
     * none. Its role {@code alert} makes screen readers announce it when the page comes back.
     */
    public static Html problemSummary(FormProblems problems) {
        return problemSummary(problems, SiteTexts.of("en"));
    }

    /** The list of problems at the top of a form, headed in the language of {@code t}. */
    public static Html problemSummary(FormProblems problems, SiteTexts t) {
        if (problems.isEmpty()) {
            return Html.EMPTY;
        }
        Html items = problems.all().entrySet().stream()
                .map(FormControls::summaryItem)
                .collect(Html.joining());
        return Html.of("""
                <div class="problem-summary" role="alert" aria-labelledby="problem-summary-title">
                  <h2 id="problem-summary-title">%s</h2>
                  <ul>%s</ul>
                </div>""", problems.all().size() == 1 ? t.get("form.checkOne") : t.format("form.checkMany",
                        problems.all().size()), items);
    }

    private static Html summaryItem(Map.Entry<String, String> problem) {
        return Html.of("<li><a href=\"#%s\">%s</a></li>", problem.getKey(), problem.getValue());
    }

    private static Html labelBlock(Field field, FormProblems problems, SiteTexts t) {
        String problem = problems.of(field.name());
        return Html.of("<label for=\"%s\">%s%s</label>%s%s", field.name(), field.label(),
                field.required() ? Html.EMPTY : Html.of(" <span class=\"optional\">%s</span>", t.get("form.optional")),
                field.hint().isEmpty() ? Html.EMPTY
                        : Html.of("<p class=\"hint\" id=\"%s-hint\">%s</p>", field.name(), field.hint()),
                problem == null ? Html.EMPTY
                        : Html.of("<p class=\"problem\" id=\"%s-problem\">%s</p>", field.name(), problem));
    }

    private static Html describedBy(Field field, FormProblems problems) {
        StringBuilder ids = new StringBuilder();
        if (!field.hint().isEmpty()) {
            ids.append(field.name()).append("-hint");
        }
        boolean invalid = problems.of(field.name()) != null;
        if (invalid) {
            ids.append(ids.isEmpty() ? "" : " ").append(field.name()).append("-problem");
        }
        if (ids.isEmpty()) {
            return Html.EMPTY;
        }
        return Html.of(" aria-describedby=\"%s\"%s", ids.toString(),
                invalid ? Html.trusted(" aria-invalid=\"true\"") : Html.EMPTY);
    }
}
