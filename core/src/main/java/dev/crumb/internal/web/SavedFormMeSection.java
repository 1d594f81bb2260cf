package dev.crumb.internal.web;

import dev.crumb.Visitor;
import java.util.Map;
import java.util.TreeMap;

/** The saved form data's part of {@code /crumb/me}: what is kept, and the form to forget everything. */
public final class SavedFormMeSection implements MeSection {

    private static final String HTML = """
            <h2>{{savedHeading}}</h2>
            {{{saved}}}
            <h2>{{forgetHeading}}</h2>
            <p>{{forgetBody}}</p>
            <form method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="actions"><button type="submit">{{forgetButton}}</button></div>
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
    public String html(Exchange exchange) {
        Visitor v = exchange.session().toVisitor();
        Texts t = exchange.texts();
        String saved;
        if (v.savedForm().isEmpty()) {
            saved = Html.render("<p>{{none}}</p>", Map.of("none", t.get("me.savedNone")));
        } else {
            StringBuilder rows = new StringBuilder("<table>");
            new TreeMap<>(v.savedForm()).forEach((field, value) -> rows.append(
                    Html.render("<tr><th scope=\"row\">{{f}}</th><td>{{v}}</td></tr>", Map.of("f", field, "v", value))));
            saved = rows.append("</table>").toString();
        }
        return Html.render(HTML, Map.of("saved", saved, "action", exchange.request().getContextPath() + action, "csrf", exchange.session().csrfToken(),
                "savedHeading", t.get("me.savedHeading"), "forgetHeading", t.get("me.forgetHeading"),
                "forgetBody", t.get("me.forgetBody"), "forgetButton", t.get("me.forgetButton")));
    }
}
