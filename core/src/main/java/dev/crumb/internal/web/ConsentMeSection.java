package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.Category;
import dev.crumb.internal.consent.ConsentJournal;
import dev.crumb.internal.consent.ConsentState;
import dev.crumb.store.ConsentRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Consent's part of {@code /crumb/me}: the choices in effect ({@code consent}) and this visitor's
 * records in the consent log ({@code consentLog}, newest first, at most {@value #HISTORY}).
 */
public final class ConsentMeSection implements MeSection {

    static final int HISTORY = 20;

    private static final String HTML = """
            <h2>%s</h2>
            <table>
            %s<tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            </table>
            <p><a href="%s/consent?return=%s">%s</a></p>
            <h2>%s</h2>
            %s
            """;

    private final ConsentJournal journal;
    private final String prefix;

    public ConsentMeSection(ConsentJournal journal, String prefix) {
        this.journal = journal;
        this.prefix = prefix;
    }

    @Override
    public void addJson(Exchange exchange, Map<String, Object> json) {
        ConsentState state = exchange.session().consent();
        Map<String, Object> consent = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            consent.put(c.id(), state.grants(c));
        }
        consent.put("policyRevision", state.policyRevision());
        consent.put("decidedAt", state.decidedAt() == null ? null : state.decidedAt().toString());
        consent.put("source", id(state.source()));
        consent.put("needed", state.needed());
        json.put("consent", consent);
        Optional<List<ConsentRecord>> history = journal.history(exchange.session().payload().visitorId(), HISTORY);
        List<Map<String, Object>> records = new ArrayList<>();
        for (ConsentRecord r : history.orElse(List.of())) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("decidedAt", r.decidedAt().toString());
            record.put("granted", EnumSet.copyOf(r.granted()).stream().map(Category::id).toList());
            record.put("policyRevision", r.policyRevision());
            record.put("source", id(r.source()));
            record.put("refusalSignal", r.refusalSignal());
            records.add(record);
        }
        json.put("consentLog", records);
        json.put("consentLogAvailable", history.isPresent());
    }

    @Override
    public Html html(Exchange exchange) {
        ConsentState state = exchange.session().consent();
        Texts t = exchange.texts();
        Html rows = Html.EMPTY;
        for (Category c : Category.values()) {
            rows = rows.append(Html.of("<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n",
                    ConsentEndpoint.name(t, c), state.grants(c) ? t.get("consent.on") : t.get("consent.off")));
        }
        String me = exchange.request().getContextPath() + prefix;
        return Html.of(HTML, t.get("me.consentHeading"), rows,
                t.get("me.source"), t.get("source." + id(state.source())),
                t.get("me.revision"), state.policyRevision(),
                t.get("me.decided"), state.decidedAt() == null ? t.get("me.notYet") : t.dateTime(state.decidedAt()),
                me, me + "/me", t.get("me.change"),
                t.get("me.proofHeading"), log(exchange, t));
    }

    /** This visitor's records in the consent log, or why there are none to show. */
    private Html log(Exchange exchange, Texts t) {
        if (!journal.keepsProof()) {
            return paragraph(t.get("me.noProof"));
        }
        Optional<List<ConsentRecord>> history = journal.history(exchange.session().payload().visitorId(), HISTORY);
        if (history.isEmpty()) {
            return paragraph(t.get("me.proofUnavailable"));
        }
        if (history.get().isEmpty()) {
            return paragraph(t.get("me.noRecords"));
        }
        Html rows = history.get().stream()
                .map(r -> Html.of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", t.dateTime(r.decidedAt()),
                        granted(t, r.granted()), r.policyRevision(), t.get("source." + id(r.source()))))
                .collect(Html.joining());
        return Html.of("<table>\n<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                        + "<th scope=\"col\">%s</th></tr>\n%s</table>", t.get("me.when"), t.get("me.granted"),
                t.get("me.revision"), t.get("me.source"), rows);
    }

    private static Html paragraph(String text) {
        return Html.of("<p>%s</p>", text);
    }

    /** The optional categories granted, by name; "only necessary" when none. */
    private static String granted(Texts t, java.util.Set<Category> granted) {
        List<String> names = EnumSet.copyOf(granted).stream().filter(c -> c != Category.NECESSARY)
                .map(c -> ConsentEndpoint.name(t, c)).toList();
        return names.isEmpty() ? t.get("me.grantedNone") : String.join(", ", names);
    }

    private static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
