package dev.crumb.demo.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.AnalyticsSummary.Day;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The chart of visitors and page views per day")
class VisitsChartTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    private static List<Day> days(int count, long visitors, long pageviews) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Day(NOV_1.plusDays(i), visitors + i, visitors + i, pageviews + 3L * i)).toList();
    }

    private static int count(String html, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    @DisplayName("is an SVG image with a title and a description for screen readers")
    void accessible() {
        String svg = VisitsChart.render(days(28, 40, 120)).toString();

        assertThat(svg).startsWith("<svg class=\"chart\"")
                .contains("role=\"img\" aria-labelledby=\"chart-title chart-desc\"")
                .contains("<title id=\"chart-title\">Visitors and page views per day, Nov 1, 2026 to Nov 28, 2026</title>")
                .contains("<desc id=\"chart-desc\">28 days;")
                .contains("The busiest day was Nov 28, 2026 with 201 page views and 67 visitors.");
    }

    @Test
    @DisplayName("draws one bar per day, each with its numbers as a tooltip, and a line of visitors")
    void barsAndLine() {
        String svg = VisitsChart.render(days(28, 40, 120)).toString();

        assertThat(count(svg, "<rect ")).isEqualTo(28);
        assertThat(svg).contains("<title>Nov 1, 2026: 120 page views, 40 visitors</title>").contains("<polyline points=");
    }

    @Test
    @DisplayName("with no days, says so instead of drawing axes")
    void noDays() {
        String svg = VisitsChart.render(List.of()).toString();

        assertThat(svg).contains("No days to show").doesNotContain("<rect").doesNotContain("NaN");
    }

    @Test
    @DisplayName("with only zeros, draws a flat chart with a 0-to-4 axis")
    void zeros() {
        String svg = VisitsChart.render(days(7, 0, 0).stream().map(d -> new Day(d.date(), 0, 0, 0)).toList()).toString();

        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity").contains(">0</text>").contains(">4</text>");
    }

    @Test
    @DisplayName("with one day, draws one bar and one point, labelled with the day")
    void oneDay() {
        String svg = VisitsChart.render(List.of(new Day(NOV_1, 12, 14, 40))).toString();

        assertThat(count(svg, "<rect ")).isEqualTo(1);
        assertThat(count(svg, "<circle ")).isEqualTo(1);
        assertThat(svg).contains(">Nov 1</text>").contains("Visitors and page views per day, Nov 1, 2026</title>");
    }

    @Test
    @DisplayName("with 90 days, labels at most seven days and leaves out the dots")
    void ninetyDays() {
        String svg = VisitsChart.render(days(90, 40, 120)).toString();

        assertThat(count(svg, "<rect ")).isEqualTo(90);
        assertThat(count(svg, "text-anchor=\"middle\"")).isLessThanOrEqualTo(7);
        assertThat(count(svg, "<circle ")).isZero();
    }

    @Test
    @DisplayName("with large numbers, writes the axis compactly and the tooltips in full")
    void largeNumbers() {
        String svg = VisitsChart.render(List.of(new Day(NOV_1, 2_500_000, 2_600_000, 9_876_543_210L))).toString();

        assertThat(svg).contains(">10B</text>").contains("9,876,543,210 page views").doesNotContain("E+");
    }

    @Test
    @DisplayName("picks round steps for the y axis")
    void scale() {
        assertThat(VisitsChart.Scale.covering(0)).isEqualTo(new VisitsChart.Scale(4, 1));
        assertThat(VisitsChart.Scale.covering(3)).isEqualTo(new VisitsChart.Scale(3, 1));
        assertThat(VisitsChart.Scale.covering(201)).isEqualTo(new VisitsChart.Scale(300, 100));
        assertThat(VisitsChart.Scale.covering(87)).isEqualTo(new VisitsChart.Scale(100, 50));
    }
}
