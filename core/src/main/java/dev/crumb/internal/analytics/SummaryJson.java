package dev.crumb.internal.analytics;

import dev.crumb.store.AnalyticsSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON form of an {@link AnalyticsSummary}: exactly its fields, in its order, with dates as
 * {@code YYYY-MM-DD}. Built as a tree of maps for Jackson so the field names stay stable even if the
 * record grows helper methods.
 */
final class SummaryJson {

    private SummaryJson() {
    }

    /** The tree to serialise. */
    public static Map<String, Object> of(AnalyticsSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", s.from().toString());
        m.put("to", s.to().toString());
        m.put("visitors", s.visitors());
        m.put("newVisitors", s.newVisitors());
        m.put("returningVisitors", s.returningVisitors());
        m.put("visits", s.visits());
        m.put("pageviews", s.pageviews());
        m.put("anonymousPageviews", s.anonymousPageviews());
        m.put("bounceRate", s.bounceRate());
        m.put("avgVisitSeconds", s.avgVisitSeconds());
        m.put("days", list(s.days(), d -> row("date", d.date().toString(), "visitors", d.visitors(), "visits", d.visits(),
                "pageviews", d.pageviews())));
        m.put("pages", list(s.pages(), p -> row("path", p.path(), "pageviews", p.pageviews(), "visitors", p.visitors())));
        m.put("entryPages", list(s.entryPages(), p -> row("path", p.path(), "visits", p.visits())));
        m.put("exitPages", list(s.exitPages(), p -> row("path", p.path(), "visits", p.visits())));
        m.put("countries", list(s.countries(), c -> row("country", c.country(), "visitors", c.visitors())));
        m.put("languages", list(s.languages(), l -> row("language", l.language(), "visitors", l.visitors())));
        m.put("referrers", list(s.referrers(), r -> row("host", r.host(), "visits", r.visits())));
        return m;
    }

    private static <T> List<Map<String, Object>> list(List<T> items, Function<T, Map<String, Object>> row) {
        return items.stream().map(row).toList();
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
