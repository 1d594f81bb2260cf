package dev.crumb.demo.analytics;

import dev.crumb.demo.web.Html;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnalyticsSummary.Day;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders the analytics dashboard's main content from an {@link AnalyticsSummary}: the date-range form,
 * the headline numbers, the chart of visitors and page views per day, the tables, and the CSV link.
 * A pure function of its arguments; every value from the summary is escaped.
 */
public final class DashboardPage {

    /** How many rows each table shows at most. */
    public static final int TABLE_ROWS = 10;

    private DashboardPage() {
    }

    /** The dashboard for {@code summary}. */
    public static Html render(AnalyticsSummary summary) {
        return render(summary, null);
    }

    /**
     * The dashboard for {@code summary}, with {@code notice} (or {@code null}) shown above the numbers,
     * for example to say that the chosen dates could not be used.
     */
    public static Html render(AnalyticsSummary summary, String notice) {
        return Html.of("""
                <div class="dashboard">
                <div class="section-head">
                  <h1>Site analytics</h1>
                  <a class="button button-secondary button-small" href="{}" download>Download CSV</a>
                </div>
                {}
                {}
                <p class="range-label">{} (UTC days)</p>
                {}
                <section class="panel chart-panel" aria-labelledby="chart-heading">
                  <h2 id="chart-heading">Visitors and page views per day</h2>
                  <ul class="legend">
                    <li><span class="swatch swatch-bar"></span>Page views</li>
                    <li><span class="swatch swatch-line"></span>Visitors</li>
                  </ul>
                  <figure class="chart-figure" tabindex="0" aria-labelledby="chart-heading">{}</figure>
                  {}
                </section>
                <div class="table-grid">
                {}{}{}{}{}{}
                </div>
                <p class="fine-print">{} page views of visitors without analytics consent were counted per page
                only and are not in the numbers above. Visitors and visits count only visitors who allowed
                analytics.</p>
                </div>""",
                csvHref(summary), rangeForm(summary), notice == null ? Html.EMPTY
                        : Html.of("<p class=\"note\" role=\"status\">{}</p>", notice),
                rangeLabel(summary), headlines(summary), VisitsChart.render(summary.days()), dayTable(summary.days()),
                table("Top pages", List.of("Page", "Page views", "Visitors"), summary.pages(),
                        p -> List.of(p.path(), DashboardFormat.count(p.pageviews()), DashboardFormat.count(p.visitors()))),
                table("Entry pages", List.of("Page", "Visits"), summary.entryPages(),
                        p -> List.of(p.path(), DashboardFormat.count(p.visits()))),
                table("Exit pages", List.of("Page", "Visits"), summary.exitPages(),
                        p -> List.of(p.path(), DashboardFormat.count(p.visits()))),
                table("Countries", List.of("Country", "Visitors"), summary.countries(),
                        c -> List.of(countryName(c.country()), DashboardFormat.count(c.visitors()))),
                table("Languages", List.of("Language", "Visitors"), summary.languages(),
                        l -> List.of(languageName(l.language()), DashboardFormat.count(l.visitors()))),
                table("Referrers", List.of("Site", "Visits"), summary.referrers(),
                        r -> List.of(DashboardFormat.host(r.host()), DashboardFormat.count(r.visits()))),
                DashboardFormat.count(summary.anonymousPageviews()));
    }

    /** The link to the CSV export of the same range, served by Crumb. */
    static String csvHref(AnalyticsSummary summary) {
        return "/crumb/analytics/summary.csv?from=" + query(summary.from().toString())
                + "&to=" + query(summary.to().toString());
    }

    private static Html rangeForm(AnalyticsSummary summary) {
        return Html.of("""
                <form class="range-form" method="get" action="/analytics">
                  <div class="field"><label for="from">From</label>
                  <input id="from" name="from" type="date" value="{}" required></div>
                  <div class="field"><label for="to">To</label>
                  <input id="to" name="to" type="date" value="{}" required></div>
                  <button type="submit" class="button">Show</button>
                </form>""", summary.from(), summary.to());
    }

    private static String rangeLabel(AnalyticsSummary summary) {
        return summary.from().equals(summary.to())
                ? DashboardFormat.longDate(summary.from())
                : DashboardFormat.longDate(summary.from()) + " – " + DashboardFormat.longDate(summary.to());
    }

    private static Html headlines(AnalyticsSummary summary) {
        return Html.of("""
                <dl class="kpis">
                  {}{}{}{}{}{}
                </dl>""",
                kpi("Visitors", DashboardFormat.count(summary.visitors()),
                        DashboardFormat.count(summary.newVisitors()) + " new · "
                                + DashboardFormat.count(summary.returningVisitors()) + " returning"),
                kpi("Visits", DashboardFormat.count(summary.visits()), null),
                kpi("Page views", DashboardFormat.count(summary.pageviews()), null),
                kpi("Pages per visit", DashboardFormat.ratio(summary.pageviews(), summary.visits()), null),
                kpi("Bounce rate", summary.visits() == 0 ? "–" : DashboardFormat.percent(summary.bounceRate()),
                        "visits of one page"),
                kpi("Average visit", summary.visits() == 0 ? "–" : DashboardFormat.duration(summary.avgVisitSeconds()),
                        "minutes:seconds"));
    }

    private static Html kpi(String label, String value, String detail) {
        return Html.of("<div class=\"kpi\"><dt>{}</dt><dd class=\"kpi-value\">{}</dd>{}</div>", label, value,
                detail == null ? Html.EMPTY : Html.of("<dd class=\"kpi-detail\">{}</dd>", detail));
    }

    private static <T> Html table(String title, List<String> headings, List<T> rows, Function<T, List<String>> cells) {
        String id = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        Html head = Html.of("<tr>{}</tr>", headings.stream().map(h -> Html.of("<th scope=\"col\">{}</th>", h))
                .collect(Html.joining()));
        Html body = rows.isEmpty()
                ? Html.of("<tr><td colspan=\"{}\" class=\"empty\">No data for this range.</td></tr>", headings.size())
                : rows.stream().limit(TABLE_ROWS).map(row -> row(cells.apply(row))).collect(Html.joining());
        return Html.of("""
                <section class="panel" aria-labelledby="{}">
                  <h2 id="{}">{}</h2>
                  <table class="data-table"><thead>{}</thead><tbody>{}</tbody></table>
                </section>""", id, id, title, head, body);
    }

    private static Html row(List<String> cells) {
        Html first = Html.of("<th scope=\"row\">{}</th>", cells.get(0));
        Html rest = cells.subList(1, cells.size()).stream().map(c -> Html.of("<td class=\"num\">{}</td>", c))
                .collect(Html.joining());
        return Html.of("<tr>{}{}</tr>", first, rest);
    }

    private static Html dayTable(List<Day> days) {
        Html rows = days.stream()
                .map(d -> Html.of("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                                + "<td class=\"num\">{}</td></tr>", DashboardFormat.longDate(d.date()),
                        DashboardFormat.count(d.visitors()), DashboardFormat.count(d.visits()),
                        DashboardFormat.count(d.pageviews())))
                .collect(Html.joining());
        return Html.of("""
                <details class="chart-data"><summary>Show the numbers per day</summary>
                <div class="table-scroll"><table class="data-table">
                <thead><tr><th scope="col">Day</th><th scope="col">Visitors</th><th scope="col">Visits</th>
                <th scope="col">Page views</th></tr></thead><tbody>{}</tbody></table></div>
                </details>""", rows);
    }

    private static String countryName(String code) {
        if ("ZZ".equals(code)) {
            return "Unknown";
        }
        String name = new Locale("", code).getDisplayCountry(Locale.US);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.US);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
