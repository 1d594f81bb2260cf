package dev.crumb.internal.web;

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
            <h2>{{heading}}</h2>
            <table>
            {{{rows}}}<tr><th scope="row">{{sourceLabel}}</th><td>{{source}}</td></tr>
            <tr><th scope="row">{{revisionLabel}}</th><td>{{revision}}</td></tr>
            <tr><th scope="row">{{decidedLabel}}</th><td>{{decidedAt}}</td></tr>
            </table>
            <p><a href="{{prefix}}/consent?return={{mePath}}">{{change}}</a></p>
            <h2>{{proofHeading}}</h2>
            {{{log}}}
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
    public String html(Exchange exchange) {
        ConsentState state = exchange.session().consent();
        Texts t = exchange.texts();
        StringBuilder rows = new StringBuilder();
        for (Category c : Category.values()) {
            rows.append(Html.render("<tr><th scope=\"row\">{{name}}</th><td>{{value}}</td></tr>\n",
                    Map.of("name", ConsentEndpoint.name(t, c),
                            "value", state.grants(c) ? t.get("consent.on") : t.get("consent.off"))));
        }
        Optional<List<ConsentRecord>> history = journal.history(exchange.session().payload().visitorId(), HISTORY);
        String log;
        if (!journal.keepsProof()) {
            log = paragraph(t.get("me.noProof"));
        } else if (history.isEmpty()) {
            log = paragraph(t.get("me.proofUnavailable"));
        } else if (history.get().isEmpty()) {
            log = paragraph(t.get("me.noRecords"));
        } else {
            StringBuilder table = new StringBuilder(Html.render("<table>\n<tr><th scope=\"col\">{{when}}</th>"
                    + "<th scope=\"col\">{{granted}}</th><th scope=\"col\">{{revision}}</th><th scope=\"col\">{{source}}</th>"
                    + "</tr>\n", Map.of("when", t.get("me.when"), "granted", t.get("me.granted"),
                    "revision", t.get("me.revision"), "source", t.get("me.source"))));
            for (ConsentRecord r : history.get()) {
                table.append(Html.render("<tr><td>{{at}}</td><td>{{granted}}</td><td>{{revision}}</td><td>{{source}}</td></tr>\n",
                        Map.of("at", t.dateTime(r.decidedAt()), "granted", granted(t, r.granted()),
                                "revision", r.policyRevision(), "source", t.get("source." + id(r.source())))));
            }
            log = table.append("</table>").toString();
        }
        return Html.render(HTML, Map.ofEntries(Map.entry("heading", t.get("me.consentHeading")),
                Map.entry("rows", rows.toString()), Map.entry("sourceLabel", t.get("me.source")),
                Map.entry("source", t.get("source." + id(state.source()))),
                Map.entry("revisionLabel", t.get("me.revision")), Map.entry("revision", state.policyRevision()),
                Map.entry("decidedLabel", t.get("me.decided")),
                Map.entry("decidedAt", state.decidedAt() == null ? t.get("me.notYet") : t.dateTime(state.decidedAt())),
                Map.entry("prefix", exchange.request().getContextPath() + prefix),
                Map.entry("mePath", exchange.request().getContextPath() + prefix + "/me"), Map.entry("change", t.get("me.change")),
                Map.entry("proofHeading", t.get("me.proofHeading")), Map.entry("log", log)));
    }

    private static String paragraph(String text) {
        return Html.render("<p>{{text}}</p>", Map.of("text", text));
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
