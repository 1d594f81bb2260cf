package dev.crumb.demo.analytics;

import dev.crumb.Html;
import dev.crumb.demo.web.SiteTexts;
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
        return render(summary, notice, SiteTexts.of("en"));
    }

    /** The dashboard in the language of {@code t}: labels from its bundle, numbers and dates in its format. */
    public static Html render(AnalyticsSummary summary, String notice, SiteTexts t) {
        Locale locale = t.formatLocale();
        return Html.of("""
                <div class="dashboard">
                <div class="section-head">
                  <h1>%s</h1>
                  <a class="button button-secondary button-small" href="%s" download>%s</a>
                </div>
                %s
                %s
                <p class="range-label">%s</p>
                %s
                <section class="panel chart-panel" aria-labelledby="chart-heading">
                  <h2 id="chart-heading">%s</h2>
                  <ul class="legend">
                    <li><span class="swatch swatch-bar"></span>%s</li>
                    <li><span class="swatch swatch-line"></span>%s</li>
                  </ul>
                  <figure class="chart-figure" tabindex="0" aria-labelledby="chart-heading">%s</figure>
                  %s
                </section>
                <div class="table-grid">
                %s%s%s%s%s%s
                </div>
                <p class="fine-print">%s</p>
                </div>""",
                t.get("analytics.title"), csvHref(summary), t.get("analytics.csv"), rangeForm(summary, t),
                notice == null ? Html.EMPTY : Html.of("<p class=\"note\" role=\"status\">%s</p>", notice),
                t.format("analytics.rangeLabel", rangeLabel(summary, locale)), headlines(summary, t),
                t.get("analytics.chart"), t.get("analytics.pageviews"), t.get("analytics.visitors"),
                VisitsChart.render(summary.days(), t), dayTable(summary.days(), t),
                table("top-pages", t.get("analytics.topPages"), List.of(t.get("analytics.page"),
                                t.get("analytics.pageviews"), t.get("analytics.visitors")), summary.pages(),
                        p -> List.of(p.path(), DashboardFormat.count(p.pageviews(), locale),
                                DashboardFormat.count(p.visitors(), locale)), t),
                table("entry-pages", t.get("analytics.entryPages"),
                        List.of(t.get("analytics.page"), t.get("analytics.visits")), summary.entryPages(),
                        p -> List.of(p.path(), DashboardFormat.count(p.visits(), locale)), t),
                table("exit-pages", t.get("analytics.exitPages"),
                        List.of(t.get("analytics.page"), t.get("analytics.visits")), summary.exitPages(),
                        p -> List.of(p.path(), DashboardFormat.count(p.visits(), locale)), t),
                table("countries", t.get("analytics.countries"),
                        List.of(t.get("analytics.country"), t.get("analytics.visitors")), summary.countries(),
                        c -> List.of(countryName(c.country(), t), DashboardFormat.count(c.visitors(), locale)), t),
                table("languages", t.get("analytics.languages"),
                        List.of(t.get("analytics.language"), t.get("analytics.visitors")), summary.languages(),
                        l -> List.of(languageName(l.language(), t), DashboardFormat.count(l.visitors(), locale)), t),
                table("referrers", t.get("analytics.referrers"),
                        List.of(t.get("analytics.site"), t.get("analytics.visits")), summary.referrers(),
                        r -> List.of(DashboardFormat.host(r.host()), DashboardFormat.count(r.visits(), locale)), t),
                t.format("analytics.anonymous", DashboardFormat.count(summary.anonymousPageviews(), locale)));
    }

    /** The link to the CSV export of the same range, served by Crumb. */
    static String csvHref(AnalyticsSummary summary) {
        return "/crumb/analytics/summary.csv?from=" + query(summary.from().toString())
                + "&to=" + query(summary.to().toString());
    }

    private static Html rangeForm(AnalyticsSummary summary, SiteTexts t) {
        return Html.of("""
                <form class="range-form" method="get" action="/analytics">
                  <div class="field"><label for="from">%s</label>
                  <input id="from" name="from" type="date" value="%s" required></div>
                  <div class="field"><label for="to">%s</label>
                  <input id="to" name="to" type="date" value="%s" required></div>
                  <button type="submit" class="button">%s</button>
                </form>""", t.get("analytics.from"), summary.from(), t.get("analytics.to"), summary.to(),
                t.get("analytics.show"));
    }

    private static String rangeLabel(AnalyticsSummary summary, Locale locale) {
        return summary.from().equals(summary.to())
                ? DashboardFormat.longDate(summary.from(), locale)
                : DashboardFormat.longDate(summary.from(), locale) + " – " + DashboardFormat.longDate(summary.to(), locale);
    }

    private static Html headlines(AnalyticsSummary summary, SiteTexts t) {
        Locale locale = t.formatLocale();
        return Html.of("""
                <dl class="kpis">
                  %s%s%s%s%s%s
                </dl>""",
                kpi(t.get("analytics.visitors"), DashboardFormat.count(summary.visitors(), locale),
                        t.format("analytics.newReturning", DashboardFormat.count(summary.newVisitors(), locale),
                                DashboardFormat.count(summary.returningVisitors(), locale))),
                kpi(t.get("analytics.visits"), DashboardFormat.count(summary.visits(), locale), null),
                kpi(t.get("analytics.pageviews"), DashboardFormat.count(summary.pageviews(), locale), null),
                kpi(t.get("analytics.pagesPerVisit"), DashboardFormat.ratio(summary.pageviews(), summary.visits(), locale),
                        null),
                kpi(t.get("analytics.bounceRate"),
                        summary.visits() == 0 ? "–" : DashboardFormat.percent(summary.bounceRate(), locale),
                        t.get("analytics.bounceDetail")),
                kpi(t.get("analytics.averageVisit"),
                        summary.visits() == 0 ? "–" : DashboardFormat.duration(summary.avgVisitSeconds()),
                        t.get("analytics.durationDetail")));
    }

    private static Html kpi(String label, String value, String detail) {
        return Html.of("<div class=\"kpi\"><dt>%s</dt><dd class=\"kpi-value\">%s</dd>%s</div>", label, value,
                detail == null ? Html.EMPTY : Html.of("<dd class=\"kpi-detail\">%s</dd>", detail));
    }

    private static <T> Html table(String id, String title, List<String> headings, List<T> rows,
                                  Function<T, List<String>> cells, SiteTexts t) {
        Html head = Html.of("<tr>%s</tr>", headings.stream().map(h -> Html.of("<th scope=\"col\">%s</th>", h))
                .collect(Html.joining()));
        Html body = rows.isEmpty()
                ? Html.of("<tr><td colspan=\"%s\" class=\"empty\">%s</td></tr>", headings.size(), t.get("analytics.noData"))
                : rows.stream().limit(TABLE_ROWS).map(row -> row(cells.apply(row))).collect(Html.joining());
        return Html.of("""
                <section class="panel" aria-labelledby="%s">
                  <h2 id="%s">%s</h2>
                  <table class="data-table"><thead>%s</thead><tbody>%s</tbody></table>
                </section>""", id, id, title, head, body);
    }

    private static Html row(List<String> cells) {
        Html first = Html.of("<th scope=\"row\">%s</th>", cells.get(0));
        Html rest = cells.subList(1, cells.size()).stream().map(c -> Html.of("<td class=\"num\">%s</td>", c))
                .collect(Html.joining());
        return Html.of("<tr>%s%s</tr>", first, rest);
    }

    private static Html dayTable(List<Day> days, SiteTexts t) {
        Locale locale = t.formatLocale();
        Html rows = days.stream()
                .map(d -> Html.of("<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                                + "<td class=\"num\">%s</td></tr>", DashboardFormat.longDate(d.date(), locale),
                        DashboardFormat.count(d.visitors(), locale), DashboardFormat.count(d.visits(), locale),
                        DashboardFormat.count(d.pageviews(), locale)))
                .collect(Html.joining());
        return Html.of("""
                <details class="chart-data"><summary>%s</summary>
                <div class="table-scroll"><table class="data-table">
                <thead><tr><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th>
                <th scope="col">%s</th></tr></thead><tbody>%s</tbody></table></div>
                </details>""", t.get("analytics.perDay"), t.get("analytics.day"), t.get("analytics.visitors"),
                t.get("analytics.visits"), t.get("analytics.pageviews"), rows);
    }

    private static String countryName(String code, SiteTexts t) {
        if ("ZZ".equals(code)) {
            return t.get("analytics.unknown");
        }
        String name = new Locale("", code).getDisplayCountry(t.formatLocale());
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String languageName(String code, SiteTexts t) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(t.formatLocale());
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
