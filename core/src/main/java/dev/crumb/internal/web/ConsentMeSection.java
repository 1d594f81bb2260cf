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
            <h2>Your consent</h2>
            <table>
            {{{rows}}}<tr><th scope="row">Source</th><td>{{source}}</td></tr>
            <tr><th scope="row">Policy revision</th><td>{{revision}}</td></tr>
            <tr><th scope="row">Decided</th><td>{{decidedAt}}</td></tr>
            </table>
            <p><a href="{{prefix}}/consent">Change your choice</a></p>
            <h2>Proof of consent kept by this site</h2>
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
        StringBuilder rows = new StringBuilder();
        for (Category c : Category.values()) {
            rows.append(Html.render("<tr><th scope=\"row\">{{name}}</th><td>{{value}}</td></tr>\n",
                    Map.of("name", c.id(), "value", state.grants(c) ? "on" : "off")));
        }
        Optional<List<ConsentRecord>> history = journal.history(exchange.session().payload().visitorId(), HISTORY);
        String log;
        if (!journal.keepsProof()) {
            log = "<p>This site keeps no consent records on the server; your choice is kept in your cookie only.</p>";
        } else if (history.isEmpty()) {
            log = "<p>The consent records cannot be read just now. Please try again later.</p>";
        } else if (history.get().isEmpty()) {
            log = "<p>No records yet.</p>";
        } else {
            StringBuilder table = new StringBuilder("<table>\n<tr><th scope=\"col\">When</th><th scope=\"col\">Granted</th>"
                    + "<th scope=\"col\">Revision</th><th scope=\"col\">Source</th></tr>\n");
            for (ConsentRecord r : history.get()) {
                table.append(Html.render("<tr><td>{{at}}</td><td>{{granted}}</td><td>{{revision}}</td><td>{{source}}</td></tr>\n",
                        Map.of("at", r.decidedAt().toString(),
                                "granted", String.join(", ", EnumSet.copyOf(r.granted()).stream().map(Category::id).toList()),
                                "revision", r.policyRevision(), "source", id(r.source()))));
            }
            log = table.append("</table>").toString();
        }
        return Html.render(HTML, Map.of("rows", rows.toString(), "source", id(state.source()),
                "revision", state.policyRevision(),
                "decidedAt", state.decidedAt() == null ? "not yet" : state.decidedAt().toString(),
                "prefix", exchange.request().getContextPath() + prefix, "log", log));
    }

    private static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
