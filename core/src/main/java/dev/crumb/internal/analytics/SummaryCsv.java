package dev.crumb.internal.analytics;

import dev.crumb.store.AnalyticsSummary;
import java.math.BigDecimal;

/**
 * The CSV form of an {@link AnalyticsSummary}: one number per row, in four columns
 * {@code section,key,metric,value}, CRLF line ends, cells escaped by {@link CsvCells}. Sections:
 * {@code range} (metrics {@code from}, {@code to}), {@code total} (the top-level numbers),
 * {@code day} (key = date), {@code page}, {@code entry_page}, {@code exit_page} (key = path),
 * {@code country}, {@code language}, {@code referrer} (key = host). The metric names are the JSON field
 * names. One long table filters and pivots well in any spreadsheet.
 */
final class SummaryCsv {

    /** The header row. */
    public static final String HEADER = "section,key,metric,value";

    private SummaryCsv() {
    }

    /** The whole CSV document. */
    public static String of(AnalyticsSummary s) {
        StringBuilder out = new StringBuilder(4096);
        line(out, HEADER);
        row(out, "range", null, "from", s.from().toString());
        row(out, "range", null, "to", s.to().toString());
        total(out, "visitors", s.visitors());
        total(out, "newVisitors", s.newVisitors());
        total(out, "returningVisitors", s.returningVisitors());
        total(out, "visits", s.visits());
        total(out, "pageviews", s.pageviews());
        total(out, "anonymousPageviews", s.anonymousPageviews());
        row(out, "total", null, "bounceRate", decimal(s.bounceRate()));
        row(out, "total", null, "avgVisitSeconds", decimal(s.avgVisitSeconds()));
        for (AnalyticsSummary.Day d : s.days()) {
            String date = d.date().toString();
            row(out, "day", date, "visitors", Long.toString(d.visitors()));
            row(out, "day", date, "visits", Long.toString(d.visits()));
            row(out, "day", date, "pageviews", Long.toString(d.pageviews()));
        }
        for (AnalyticsSummary.Page p : s.pages()) {
            row(out, "page", p.path(), "pageviews", Long.toString(p.pageviews()));
            row(out, "page", p.path(), "visitors", Long.toString(p.visitors()));
        }
        s.entryPages().forEach(p -> row(out, "entry_page", p.path(), "visits", Long.toString(p.visits())));
        s.exitPages().forEach(p -> row(out, "exit_page", p.path(), "visits", Long.toString(p.visits())));
        s.countries().forEach(c -> row(out, "country", c.country(), "visitors", Long.toString(c.visitors())));
        s.languages().forEach(l -> row(out, "language", l.language(), "visitors", Long.toString(l.visitors())));
        s.referrers().forEach(r -> row(out, "referrer", r.host(), "visits", Long.toString(r.visits())));
        return out.toString();
    }

    private static void total(StringBuilder out, String metric, long value) {
        row(out, "total", null, metric, Long.toString(value));
    }

    private static void row(StringBuilder out, String section, String key, String metric, String value) {
        line(out, section + "," + CsvCells.cell(key) + "," + metric + "," + CsvCells.cell(value));
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }

    private static String decimal(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "0";
    }
}
