package dev.crumb.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.TrackingOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class StoreSummaryBenchTest {
    private static final Pattern INGEST = Pattern.compile(
            "ingest: (\\d+) page views/s \\(first 10 days (\\d+), last 10 days (\\d+)\\)");

    @TempDir
    Path directory;

    private String run(String... extra) throws Exception {
        return runWithDefaultBatch(concat(new String[] {"--batch", "250"}, extra));
    }

    private String runWithDefaultBatch(String... extra) throws Exception {
        String[] base = {"--db-url", "jdbc:h2:file:" + directory.resolve("crumb"), "--events", "3000", "--visitors",
                "60", "--days", "12", "--paths", "20", "--runs", "1", "--baseline-runs", "1"};
        String[] args = concat(base, extra);
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            StoreSummaryBench.main(args);
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = new String[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static long rows(String report, String table) {
        Matcher rows = Pattern.compile(table + "\\s+([\\d,]+) rows").matcher(report);
        assertThat(rows.find()).as(table + " in the report").isTrue();
        return Long.parseLong(rows.group(1).replace(",", ""));
    }

    @Test
    @DisplayName("store-summary loads through the real write path, without raw events by default, and prints its rates")
    void loadsWithoutRawEventsAndPrintsTheRate() throws Exception {
        String report = run();

        Matcher ingest = INGEST.matcher(report);
        assertThat(ingest.find()).as(report).isTrue();
        assertThat(Long.parseLong(ingest.group(1))).isPositive();
        assertThat(Long.parseLong(ingest.group(2))).isPositive();
        assertThat(report).contains("raw events not kept").contains("FROM crumb_visit)");
        assertThat(rows(report, "crumb_page_view")).isZero();
        assertThat(rows(report, "crumb_visitor_chains")).isPositive();
        Matcher summary = Pattern.compile("visits, ([\\d,]+) page views").matcher(report);
        assertThat(summary.find()).isTrue();
        assertThat(summary.group(1).replace(",", "")).isEqualTo(String.valueOf(3000 - 3000 % 12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--split visitor --writers 3 | by 3 writers (split by visitor, deferring)",
        "--defer true --writers 2    | by 2 writers (split by time, deferring)",
        "--defer false --writers 2   | by 2 writers (split by time, waiting)"})
    @DisplayName("Each way of splitting and writing says which it used, and the summary counts every page view the same")
    void everyModeCountsEveryPageView(String options, String said) throws Exception {
        String report = run(options.trim().split(" +"));

        assertThat(report).contains(said);
        assertSummaryCountsEveryPageView(report);
    }

    @Test
    @DisplayName("By default the load writes as Crumb's writer does: its batch size, through writeOrDefer")
    void defaultsAreCrumbsWriter() throws Exception {
        String report = runWithDefaultBatch();

        assertThat(report).contains("batches of " + TrackingOptions.builder().build().batchSize() + " by 2 writers")
                .contains("(split by time, deferring)");
        assertSummaryCountsEveryPageView(report);
    }

    /** The summary of the whole range counts every page view the synthetic traffic made. */
    private static void assertSummaryCountsEveryPageView(String report) {
        Matcher summary = Pattern.compile("visits, ([\\d,]+) page views").matcher(report);
        assertThat(summary.find()).as(report).isTrue();
        assertThat(summary.group(1).replace(",", "")).isEqualTo(String.valueOf(3000 - 3000 % 12));
    }

    @Test
    @DisplayName("--raw-events true keeps a raw row per page view and counts the baseline from them")
    void rawEventsOnRequest() throws Exception {
        String report = run("--raw-events", "true");

        assertThat(report).contains("raw events kept").contains("FROM crumb_page_view)");
        assertThat(rows(report, "crumb_page_view")).isEqualTo(3000 - 3000 % 12);
    }

    @Test
    @DisplayName("over 70 days the first summary rolls up January and February, and a range from mid-January is timed too")
    void rollsUpClosedMonths() throws Exception {
        String report = run("--days", "70");

        assertThat(report).contains("first summary (rolls up").contains("2025-01-15..2025-03-11 (starts mid-month)");
        assertThat(rows(report, "crumb_month_count")).isPositive();
        assertThat(rows(report, "crumb_month_day")).isEqualTo(31 + 28);
    }
}
