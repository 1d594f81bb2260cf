package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.internal.rights.StoredData;
import dev.crumb.store.StoredVisit;
import dev.crumb.store.StoredVisits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's part of {@code /crumb/me}: what the store holds under the visitor's key ({@code stored}:
 * visits, page views, first and last seen, the newest {@value #VISITS_SHOWN} visits with their pages), and the
 * link to download everything as JSON. The consent records are {@link ConsentMeSection}'s part.
 */
public final class StoredDataMeSection implements MeSection {

    static final int VISITS_SHOWN = 50;

    private static final String HTML = """
            <h2>%s</h2>
            %s
            <p><a href="%s/me.json?download=1" download>%s</a></p>
            """;
    private static final String SUMMARY = """
            <table>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            </table>
            """;
    private static final String VISITS = "<table>\n<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
            + "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>\n%s</table>\n";
    private static final String VISIT_ROW = "<tr><td>%s</td><td>%s</td><td>%s</td>"
            + "<td>%s</td><td>%s</td></tr>\n";

    private final StoredData data;
    private final String prefix;

    public StoredDataMeSection(StoredData data, String prefix) {
        this.data = Objects.requireNonNull(data, "data");
        this.prefix = prefix;
    }

    @Override
    public void addJson(Exchange exchange, Map<String, Object> json) {
        Optional<StoredVisits> stored = data.of(exchange.session().payload().visitorId(), VISITS_SHOWN);
        json.put("storedAvailable", stored.isPresent());
        StoredVisits s = stored.orElse(StoredVisits.NONE);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kept", data.kept());
        out.put("visits", s.visitCount());
        out.put("pageViews", s.pageViews());
        out.put("firstSeen", s.firstSeen() == null ? null : s.firstSeen().toString());
        out.put("lastSeen", s.lastSeen() == null ? null : s.lastSeen().toString());
        List<Map<String, Object>> visits = new ArrayList<>();
        for (StoredVisit v : s.visits()) {
            Map<String, Object> visit = new LinkedHashMap<>();
            visit.put("visit", v.visit());
            visit.put("start", v.start().toString());
            visit.put("end", v.end().toString());
            visit.put("pageViews", v.pageViews());
            visit.put("entryPath", v.entryPath());
            visit.put("exitPath", v.exitPath());
            visit.put("referrer", v.referrer());
            visit.put("country", v.country());
            visit.put("language", v.language());
            visit.put("pages", new java.util.TreeMap<>(v.pages()));
            visits.add(visit);
        }
        out.put("visitList", visits);
        json.put("stored", out);
    }

    @Override
    public Html html(Exchange exchange) {
        Texts t = exchange.texts();
        return Html.of(HTML, t.get("stored.heading"), summary(exchange, t),
                exchange.request().getContextPath() + prefix, t.get("stored.download"));
    }

    /** The visits kept under the visitor's key, or why there are none to show. */
    private Html summary(Exchange exchange, Texts t) {
        if (!data.kept()) {
            return paragraph(t.get("stored.notKept"));
        }
        Optional<StoredVisits> stored = data.of(exchange.session().payload().visitorId(), VISITS_SHOWN);
        if (stored.isEmpty()) {
            return paragraph(t.get("stored.unavailable"));
        }
        StoredVisits s = stored.get();
        if (s.visitCount() == 0) {
            return paragraph(t.get("stored.noVisits"));
        }
        Html rows = s.visits().stream()
                .map(v -> Html.of(VISIT_ROW, v.visit(), t.dateTime(v.start()), v.pageViews(),
                        String.join(", ", new java.util.TreeSet<>(v.pages().keySet())), v.referrer()))
                .collect(Html.joining());
        return Html.of(SUMMARY, t.get("stored.visits"), s.visitCount(), t.get("stored.pageViews"), s.pageViews(),
                        t.get("stored.firstSeen"), t.dateTime(s.firstSeen()), t.get("stored.lastSeen"), t.dateTime(s.lastSeen()))
                .append(Html.of(VISITS, t.get("stored.visit"), t.get("stored.start"), t.get("stored.pageViews"),
                        t.get("stored.pages"), t.get("stored.cameFrom"), rows));
    }

    private static Html paragraph(String text) {
        return Html.of("<p>%s</p>", text);
    }
}
