package dev.crumb.demo.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Html;
import dev.crumb.demo.shop.Catalog;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnalyticsSummary.CountryVisitors;
import dev.crumb.store.AnalyticsSummary.Day;
import dev.crumb.store.AnalyticsSummary.LanguageVisitors;
import dev.crumb.store.AnalyticsSummary.Page;
import dev.crumb.store.AnalyticsSummary.PathVisits;
import dev.crumb.store.AnalyticsSummary.ReferrerVisits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The analytics dashboard")
class DashboardPageTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    private static AnalyticsSummary summary(List<Page> pages, List<ReferrerVisits> referrers) {
        return new AnalyticsSummary(NOV_1, NOV_1.plusDays(1), 1_234, 1_000, 234, 1_500, 4_321, 99, 0.4321, 125.4,
                List.of(new Day(NOV_1, 700, 800, 2_000), new Day(NOV_1.plusDays(1), 600, 700, 2_321)),
                pages, List.of(new PathVisits("/", 900)), List.of(new PathVisits("/cart", 300)),
                List.of(new CountryVisitors("DE", 400), new CountryVisitors("ZZ", 3)),
                List.of(new LanguageVisitors("de", 400)), referrers);
    }

    @Test
    @DisplayName("shows the headline numbers: visitors new and returning, visits, page views, pages per visit, "
            + "bounce rate in percent and average visit as m:ss")
    void headlines() {
        String html = DashboardPage.render(summary(List.of(), List.of())).toString();

        assertThat(html)
                .contains("<dt>Visitors</dt><dd class=\"kpi-value\">1,234</dd><dd class=\"kpi-detail\">1,000 new · 234 returning</dd>")
                .contains("<dt>Visits</dt><dd class=\"kpi-value\">1,500</dd>")
                .contains("<dt>Page views</dt><dd class=\"kpi-value\">4,321</dd>")
                .contains("<dt>Pages per visit</dt><dd class=\"kpi-value\">2.9</dd>")
                .contains("<dt>Bounce rate</dt><dd class=\"kpi-value\">43.2%</dd>")
                .contains("<dt>Average visit</dt><dd class=\"kpi-value\">2:05</dd>");
    }

    @Test
    @DisplayName("escapes paths and referrers, so a page called <script> is shown, not run")
    void escapesPaths() {
        String html = DashboardPage.render(summary(
                List.of(new Page("/search/<script>alert(1)</script>", 3, 1)),
                List.of(new ReferrerVisits("evil.example\"><img src=x onerror=alert(1)>", 2)))).toString();

        assertThat(html)
                .contains("/search/&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("evil.example&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>").doesNotContain("<img");
    }

    @Test
    @DisplayName("names countries and languages, and shows ZZ as Unknown")
    void names() {
        String html = DashboardPage.render(summary(List.of(), List.of())).toString();

        assertThat(html).contains("Germany (DE)").contains("German (de)").contains("Unknown");
    }

    @Test
    @DisplayName("offers the range form and a CSV link for the same range")
    void rangeAndCsv() {
        String html = DashboardPage.render(summary(List.of(), List.of())).toString();

        assertThat(html)
                .contains("<form class=\"range-form\" method=\"get\" action=\"/analytics\">")
                .contains("name=\"from\" type=\"date\" value=\"2026-11-01\"")
                .contains("name=\"to\" type=\"date\" value=\"2026-11-02\"")
                .contains("href=\"/crumb/analytics/summary.csv?from=2026-11-01&amp;to=2026-11-02\"");
    }

    @Test
    @DisplayName("with no data, shows dashes instead of dividing by zero, and says each table is empty")
    void emptyData() {
        AnalyticsSummary empty = new EmptyAnalyticsReader().summary(NOV_1, NOV_1.plusDays(27));

        String html = DashboardPage.render(empty).toString();

        assertThat(html)
                .contains("<dt>Pages per visit</dt><dd class=\"kpi-value\">–</dd>")
                .contains("<dt>Bounce rate</dt><dd class=\"kpi-value\">–</dd>")
                .doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(html.split("No data for this range.", -1)).hasSize(7);
    }

    @Test
    @DisplayName("shows a notice about unusable dates above the numbers")
    void notice() {
        String html = DashboardPage.render(summary(List.of(), List.of()), "Dates must look like <2026-11-01>").toString();

        assertThat(html).contains("<p class=\"note\" role=\"status\">Dates must look like &lt;2026-11-01&gt;</p>");
    }

    @Test
    @DisplayName("shows at most ten rows per table")
    void tableRows() {
        List<Page> pages = IntStream.range(0, 25).mapToObj(i -> new Page("/page-" + i, 100 - i, 1)).toList();

        String html = DashboardPage.render(summary(pages, List.of())).toString();

        assertThat(html).contains("/page-9<").doesNotContain("/page-10<");
    }

    @Test
    @DisplayName("writes large numbers with separators")
    void largeNumbers() {
        AnalyticsSummary big = Summaries.withDays(List.of(new Day(NOV_1, 3_000_000_000L, 4_000_000_000L, 12_345_678_901L)));

        assertThat(DashboardPage.render(big).toString()).contains("12,345,678,901").contains("3,000,000,000");
    }

    @Test
    @DisplayName("renders four weeks of seeded visits into a page (written to target/preview for a look)")
    void seededPreview() throws Exception {
        LocalDate last = LocalDate.of(2026, 11, 24);
        DemoDataSeeder.Events events = new DemoDataSeeder(7, Catalog.officeSupplies()).generate(last, 28);
        AnalyticsSummary summary = Summaries.of(events, last.minusDays(27), last);

        Html page = new SiteLayout().page(SiteLayout.Chrome.outsideRequest("/analytics"), "Site analytics",
                DashboardPage.render(summary));

        assertThat(page.toString()).contains("Top pages").contains("United States (US)").contains("www.google.com");
        Path preview = Path.of("target", "preview", "analytics.html");
        Files.createDirectories(preview.getParent());
        Path css = Path.of("src", "main", "resources", "static", "site.css").toAbsolutePath();
        Files.writeString(preview, page.toString().replace("/static/site.css", css.toUri().toString()),
                StandardCharsets.UTF_8);
    }
}
