package dev.crumb.internal.web;

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
 * visits, page views, first and last seen, the newest {@value #VISITS} visits with their pages), and the
 * link to download everything as JSON. The consent records are {@link ConsentMeSection}'s part.
 */
public final class StoredDataMeSection implements MeSection {

    static final int VISITS = 50;

    private static final String HTML = """
            <h2>{{heading}}</h2>
            {{{summary}}}
            <p><a href="{{prefix}}/me.json?download=1" download>{{download}}</a></p>
            """;
    private static final String SUMMARY = """
            <table>
            <tr><th scope="row">{{visitsLabel}}</th><td>{{visits}}</td></tr>
            <tr><th scope="row">{{pageViewsLabel}}</th><td>{{pageViews}}</td></tr>
            <tr><th scope="row">{{firstSeenLabel}}</th><td>{{firstSeen}}</td></tr>
            <tr><th scope="row">{{lastSeenLabel}}</th><td>{{lastSeen}}</td></tr>
            </table>
            """;
    private static final String VISITS_HEAD = "<table>\n<tr><th scope=\"col\">{{visit}}</th><th scope=\"col\">{{start}}</th>"
            + "<th scope=\"col\">{{pageViews}}</th><th scope=\"col\">{{pages}}</th><th scope=\"col\">{{referrer}}</th></tr>\n";
    private static final String VISIT_ROW = "<tr><td>{{visit}}</td><td>{{start}}</td><td>{{pageViews}}</td>"
            + "<td>{{pages}}</td><td>{{referrer}}</td></tr>\n";

    private final StoredData data;
    private final String prefix;

    public StoredDataMeSection(StoredData data, String prefix) {
        this.data = Objects.requireNonNull(data, "data");
        this.prefix = prefix;
    }

    @Override
    public void addJson(Exchange exchange, Map<String, Object> json) {
        Optional<StoredVisits> stored = data.of(exchange.session().payload().visitorId(), VISITS);
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
    public String html(Exchange exchange) {
        Texts t = exchange.texts();
        String summary;
        if (!data.kept()) {
            summary = paragraph(t.get("stored.notKept"));
        } else {
            Optional<StoredVisits> stored = data.of(exchange.session().payload().visitorId(), VISITS);
            if (stored.isEmpty()) {
                summary = paragraph(t.get("stored.unavailable"));
            } else if (stored.get().visitCount() == 0) {
                summary = paragraph(t.get("stored.noVisits"));
            } else {
                StoredVisits s = stored.get();
                StringBuilder rows = new StringBuilder(Html.render(VISITS_HEAD, Map.of("visit", t.get("stored.visit"),
                        "start", t.get("stored.start"), "pageViews", t.get("stored.pageViews"),
                        "pages", t.get("stored.pages"), "referrer", t.get("stored.cameFrom"))));
                for (StoredVisit v : s.visits()) {
                    rows.append(Html.render(VISIT_ROW, Map.of("visit", v.visit(), "start", t.dateTime(v.start()),
                            "pageViews", v.pageViews(), "pages", String.join(", ", new java.util.TreeSet<>(v.pages().keySet())),
                            "referrer", v.referrer())));
                }
                summary = Html.render(SUMMARY, Map.ofEntries(Map.entry("visitsLabel", t.get("stored.visits")),
                        Map.entry("visits", s.visitCount()), Map.entry("pageViewsLabel", t.get("stored.pageViews")),
                        Map.entry("pageViews", s.pageViews()), Map.entry("firstSeenLabel", t.get("stored.firstSeen")),
                        Map.entry("firstSeen", t.dateTime(s.firstSeen())), Map.entry("lastSeenLabel", t.get("stored.lastSeen")),
                        Map.entry("lastSeen", t.dateTime(s.lastSeen()))))
                        + rows.append("</table>\n");
            }
        }
        return Html.render(HTML, Map.of("heading", t.get("stored.heading"), "summary", summary,
                "prefix", exchange.request().getContextPath() + prefix, "download", t.get("stored.download")));
    }

    private static String paragraph(String text) {
        return Html.render("<p>{{text}}</p>", Map.of("text", text));
    }
}
