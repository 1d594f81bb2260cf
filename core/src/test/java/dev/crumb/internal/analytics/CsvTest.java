package dev.crumb.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.AnalyticsSummary;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CSV export")
class CsvTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "/plain | /plain",
            "=HYPERLINK(\"x\") | ~\"'=HYPERLINK(\"\"x\"\")\"~",
            "+1 | '+1",
            "-2 | '-2",
            "@SUM(A1) | '@SUM(A1)",
            "a,b | ~\"a,b\"~",
            "say \"hi\" | ~\"say \"\"hi\"\"\"~"})
    @DisplayName("cells are RFC 4180 quoted and formula starters are neutralised")
    void cells(String value, String expected) {
        assertThat(CsvCells.cell(value)).isEqualTo(expected);
    }

    @Test
    @DisplayName("tab, carriage return and line feed are neutralised or quoted")
    void controlCharacters() {
        assertThat(CsvCells.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvCells.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @Test
    @DisplayName("the summary becomes one number per row: section, key, metric, value")
    void layout() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        AnalyticsSummary s = new AnalyticsSummary(day, day, 2, 1, 1, 3, 5, 4, 1.0 / 3, 12.5,
                List.of(new AnalyticsSummary.Day(day, 2, 3, 5)),
                List.of(new AnalyticsSummary.Page("=cmd|' /C calc'!A0", 5, 2)),
                List.of(new AnalyticsSummary.PathVisits("/", 3)), List.of(new AnalyticsSummary.PathVisits("/b", 3)),
                List.of(new AnalyticsSummary.CountryVisitors("DE", 2)),
                List.of(new AnalyticsSummary.LanguageVisitors("de", 2)),
                List.of(new AnalyticsSummary.ReferrerVisits("news.test", 1)));

        String csv = SummaryCsv.of(s);

        assertThat(csv).startsWith("section,key,metric,value\r\n")
                .contains("range,,from,2026-03-01\r\n", "total,,visitors,2\r\n", "total,,anonymousPageviews,4\r\n",
                        "total,,bounceRate,0.3333333333333333\r\n", "total,,avgVisitSeconds,12.5\r\n",
                        "day,2026-03-01,pageviews,5\r\n", "page,'=cmd|' /C calc'!A0,pageviews,5\r\n",
                        "entry_page,/,visits,3\r\n", "exit_page,/b,visits,3\r\n", "country,DE,visitors,2\r\n",
                        "language,de,visitors,2\r\n", "referrer,news.test,visits,1\r\n")
                .endsWith("\r\n");
        assertThat(csv.split("\r\n")).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(4));
    }
}
