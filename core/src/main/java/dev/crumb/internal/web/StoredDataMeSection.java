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
            <h2>Kept on this site's server under your visitor ID</h2>
            {{{summary}}}
            <p><a href="{{prefix}}/me.json?download=1" download>Download everything shown here (JSON)</a></p>
            """;
    private static final String SUMMARY = """
            <table>
            <tr><th scope="row">Visits</th><td>{{visits}}</td></tr>
            <tr><th scope="row">Page views</th><td>{{pageViews}}</td></tr>
            <tr><th scope="row">First seen</th><td>{{firstSeen}}</td></tr>
            <tr><th scope="row">Last seen</th><td>{{lastSeen}}</td></tr>
            </table>
            """;
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
        String summary;
        if (!data.kept()) {
            summary = "<p>This site keeps no visits on its server.</p>";
        } else {
            Optional<StoredVisits> stored = data.of(exchange.session().payload().visitorId(), VISITS);
            if (stored.isEmpty()) {
                summary = "<p>What is kept on the server cannot be read just now. Please try again later.</p>";
            } else if (stored.get().visitCount() == 0) {
                summary = "<p>No visits are kept under your visitor ID.</p>";
            } else {
                StoredVisits s = stored.get();
                StringBuilder rows = new StringBuilder("<table>\n<tr><th scope=\"col\">Visit</th><th scope=\"col\">Start</th>"
                        + "<th scope=\"col\">Page views</th><th scope=\"col\">Pages</th><th scope=\"col\">Came from</th></tr>\n");
                for (StoredVisit v : s.visits()) {
                    rows.append(Html.render(VISIT_ROW, Map.of("visit", v.visit(), "start", v.start().toString(),
                            "pageViews", v.pageViews(), "pages", String.join(", ", new java.util.TreeSet<>(v.pages().keySet())),
                            "referrer", v.referrer())));
                }
                summary = Html.render(SUMMARY, Map.of("visits", s.visitCount(), "pageViews", s.pageViews(),
                        "firstSeen", s.firstSeen().toString(), "lastSeen", s.lastSeen().toString()))
                        + rows.append("</table>\n");
            }
        }
        return Html.render(HTML, Map.of("summary", summary, "prefix", prefix));
    }
}
