package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.Visitor;
import java.util.Map;
import java.util.TreeMap;

/** The saved form data's part of {@code /crumb/me}: what is kept, and the form to forget everything. */
public final class SavedFormMeSection implements MeSection {

    private static final String HTML = """
            <h2>%s</h2>
            %s
            <h2>%s</h2>
            <p>%s</p>
            <form method="post" action="%s">
            <input type="hidden" name="csrf" value="%s">
            <div class="actions"><button type="submit">%s</button></div>
            </form>
            """;

    private final String action;

    public SavedFormMeSection(String prefix) {
        this.action = prefix + "/forget";
    }

    @Override
    public void addJson(Exchange exchange, Map<String, Object> json) {
        json.put("savedForm", new TreeMap<>(exchange.session().toVisitor().savedForm()));
    }

    @Override
    public Html html(Exchange exchange) {
        Visitor v = exchange.session().toVisitor();
        Texts t = exchange.texts();
        Html saved;
        if (v.savedForm().isEmpty()) {
            saved = Html.of("<p>%s</p>", t.get("me.savedNone"));
        } else {
            saved = Html.of("<table>%s</table>", new TreeMap<>(v.savedForm()).entrySet().stream()
                    .map(e -> Html.of("<tr><th scope=\"row\">%s</th><td>%s</td></tr>", e.getKey(), e.getValue()))
                    .collect(Html.joining()));
        }
        return Html.of(HTML, t.get("me.savedHeading"), saved, t.get("me.forgetHeading"), t.get("me.forgetBody"),
                exchange.request().getContextPath() + action, exchange.session().csrfToken(), t.get("me.forgetButton"));
    }
}
