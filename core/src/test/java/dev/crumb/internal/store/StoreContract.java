package dev.crumb.internal.store;

import static dev.crumb.internal.store.Events.anonymous;
import static dev.crumb.internal.store.Events.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnalyticsSummary.CountryVisitors;
import dev.crumb.store.AnalyticsSummary.Day;
import dev.crumb.store.AnalyticsSummary.LanguageVisitors;
import dev.crumb.store.AnalyticsSummary.Page;
import dev.crumb.store.AnalyticsSummary.PathVisits;
import dev.crumb.store.AnalyticsSummary.ReferrerVisits;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.PageView;
import dev.crumb.store.StoredVisit;
import dev.crumb.store.StoredVisits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CrumbStore} must do, run against the in-memory store, H2 and PostgreSQL by the
 * subclasses. {@link #store()} is empty at the start of each test.
 */
abstract class StoreContract {
    static final LocalDate D0 = LocalDate.parse("2025-03-09");
    static final LocalDate D1 = LocalDate.parse("2025-03-10");
    static final LocalDate D2 = LocalDate.parse("2025-03-11");
    static final LocalDate D3 = LocalDate.parse("2025-03-12");

    /** An empty store for the current test. */
    abstract CrumbStore store();

    @Test
    @DisplayName("history lists a visitor's decisions newest first, up to the limit")
    void historyIsNewestFirst() {
        ConsentRecord older = consent("v1", "2025-03-10T10:00:00Z", Set.of(), ConsentSource.REGION_DEFAULT);
        ConsentRecord newest = consent("v1", "2025-03-10T12:00:00.123456Z", Set.of(Category.ANALYTICS),
                ConsentSource.BANNER);
        ConsentRecord middle = consent("v1", "2025-03-10T11:00:00Z", Set.of(Category.MARKETING), ConsentSource.API);
        store().consentLog().append(older);
        store().consentLog().append(newest);
        store().consentLog().append(middle);
        store().consentLog().append(consent("v2", "2025-03-10T13:00:00Z", Set.of(), ConsentSource.GPC));

        assertThat(store().consentLog().history("v1", 10)).containsExactly(newest, middle, older);
        assertThat(store().consentLog().history("v1", 2)).containsExactly(newest, middle);
        assertThat(store().consentLog().history("nobody", 10)).isEmpty();
    }

    @Test
    @DisplayName("a decision reads back exactly as appended, at microsecond precision")
    void roundTrip() {
        ConsentRecord record = new ConsentRecord("v1", Instant.parse("2025-03-10T10:00:00.123456789Z"),
                Set.of(Category.PREFERENCES, Category.ANALYTICS), 3, ConsentSource.WITHDRAWAL);
        store().consentLog().append(record);

        assertThat(store().consentLog().history("v1", 1)).containsExactly(new ConsentRecord("v1",
                Instant.parse("2025-03-10T10:00:00.123456Z"), record.granted(), 3, ConsentSource.WITHDRAWAL));
    }
    @Test
    @DisplayName("a consent default is kept once, even when several writers add it at the same time")
    void defaultIsKeptOnce() throws Exception {
        ConsentRecord first = consent("v1", "2025-03-10T10:00:00Z", Set.of(Category.ANALYTICS), ConsentSource.REGION_DEFAULT);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> added = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ConsentRecord again = consent("v1", "2025-03-10T10:00:0" + i + "Z", Set.of(Category.ANALYTICS),
                        ConsentSource.REGION_DEFAULT);
                ConsentRecord record = i == 0 ? first : again;
                added.add(writers.submit(() -> store().consentLog().appendDefaultOnce(record)));
            }
            long adds = 0;
            for (java.util.concurrent.Future<Boolean> f : added) {
                adds += f.get() ? 1 : 0;
            }
            assertThat(adds).as("exactly one writer added it").isEqualTo(1);
        } finally {
            writers.shutdownNow();
        }
        assertThat(store().consentLog().history("v1", 10)).hasSize(1)
                .allSatisfy(r -> assertThat(r.source()).isEqualTo(ConsentSource.REGION_DEFAULT));
    }

    @Test
    @DisplayName("defaults differing in categories, revision or source are kept apart, and explicit choices are always appended")
    void defaultsDifferAndChoicesRepeat() {
        var log = store().consentLog();
        assertThat(log.appendDefaultOnce(consent("v1", "2025-03-10T10:00:00Z", Set.of(), ConsentSource.REGION_DEFAULT))).isTrue();
        assertThat(log.appendDefaultOnce(consent("v1", "2025-03-10T10:01:00Z", Set.of(), ConsentSource.GPC))).isTrue();
        assertThat(log.appendDefaultOnce(consent("v1", "2025-03-10T10:02:00Z", Set.of(Category.ANALYTICS),
                ConsentSource.REGION_DEFAULT))).isTrue();
        assertThat(log.appendDefaultOnce(new ConsentRecord("v1", Instant.parse("2025-03-10T10:03:00Z"), Set.of(), 2,
                ConsentSource.REGION_DEFAULT))).isTrue();
        assertThat(log.appendDefaultOnce(consent("v1", "2025-03-10T10:04:00Z", Set.of(), ConsentSource.REGION_DEFAULT)))
                .as("the first again").isFalse();
        log.append(consent("v1", "2025-03-10T11:00:00Z", Set.of(Category.MARKETING), ConsentSource.BANNER));
        log.append(consent("v1", "2025-03-10T11:00:00Z", Set.of(Category.MARKETING), ConsentSource.BANNER));

        assertThat(log.history("v1", 10)).extracting(ConsentRecord::source).containsExactly(ConsentSource.BANNER,
                ConsentSource.BANNER, ConsentSource.REGION_DEFAULT, ConsentSource.REGION_DEFAULT, ConsentSource.GPC,
                ConsentSource.REGION_DEFAULT);
    }

    @Test
    @DisplayName("whether a refusal signal came with the decision reads back as appended")
    void refusalSignalRoundTrip() {
        Instant at = Instant.parse("2025-03-10T10:00:00Z");
        store().consentLog().append(new ConsentRecord("v1", at, Set.of(Category.MARKETING), 1, ConsentSource.BANNER, true));
        store().consentLog().append(new ConsentRecord("v1", at.plusSeconds(1), Set.of(), 1, ConsentSource.BANNER, false));

        assertThat(store().consentLog().history("v1", 2)).extracting(ConsentRecord::refusalSignal).containsExactly(false, true);
    }

    @Test
    @DisplayName("an address nobody opted in may not be emailed")
    void unknownAddress() {
        assertThat(store().emails().mayEmail("a1")).isFalse();
    }

    @Test
    @DisplayName("an opt-in allows email, a later suppression stops it, a later opt-in allows it again")
    void optInSuppressReOptIn() {
        store().emails().optIn("a1", Instant.parse("2025-03-10T10:00:00Z"), 2, "newsletter");
        assertThat(store().emails().mayEmail("a1")).isTrue();

        store().emails().suppress("a1", Instant.parse("2025-03-11T10:00:00Z"));
        assertThat(store().emails().mayEmail("a1")).isFalse();

        store().emails().optIn("a1", Instant.parse("2025-03-12T10:00:00Z"), 2, "checkout");
        assertThat(store().emails().mayEmail("a1")).isTrue();
        assertThat(store().emails().mayEmail("a2")).isFalse();
    }

    @Test
    @DisplayName("suppressing twice is the same as suppressing once")
    void suppressIsIdempotent() {
        Instant at = Instant.parse("2025-03-11T10:00:00Z");
        store().emails().optIn("a1", Instant.parse("2025-03-10T10:00:00Z"), 1, "newsletter");
        store().emails().suppress("a1", at);
        store().emails().suppress("a1", at);

        assertThat(store().emails().mayEmail("a1")).isFalse();
    }

    @Test
    @DisplayName("an opt-in older than the suppression does not lift it, nor one at the same instant")
    void olderOrSimultaneousOptInStaysSuppressed() {
        Instant at = Instant.parse("2025-03-11T10:00:00Z");
        store().emails().suppress("a1", at);
        store().emails().optIn("a1", at.minusSeconds(60), 1, "newsletter");
        assertThat(store().emails().mayEmail("a1")).isFalse();

        store().emails().optIn("a1", at, 1, "newsletter");
        assertThat(store().emails().mayEmail("a1")).isFalse();
    }
    @Test
    @DisplayName("every number of the summary matches the hand-computed expectation")
    void scriptedSummaryIsExact() {
        ScriptedDays.write(store());

        AnalyticsSummary summary = store().analytics().summary(D1, D2);

        assertThat(summary.from()).isEqualTo(D1);
        assertThat(summary.to()).isEqualTo(D2);
        assertThat(summary.visitors()).isEqualTo(6);
        assertThat(summary.newVisitors()).isEqualTo(5);
        assertThat(summary.returningVisitors()).isEqualTo(3);
        assertThat(summary.visits()).isEqualTo(8);
        assertThat(summary.pageviews()).isEqualTo(14);
        assertThat(summary.anonymousPageviews()).isEqualTo(6);
        assertThat(summary.bounceRate()).isEqualTo(3.0 / 8);
        assertThat(summary.avgVisitSeconds()).isEqualTo(550.0 / 8);
        assertThat(summary.days()).containsExactly(new Day(D1, 3, 4, 8), new Day(D2, 4, 4, 6));
        assertThat(summary.pages()).containsExactly(new Page("/home", 5, 4), new Page("/blog", 3, 2),
                new Page("/pricing", 3, 3), new Page("/a", 1, 1), new Page("/b", 1, 1), new Page("/signup", 1, 1));
        assertThat(summary.entryPages()).containsExactly(new PathVisits("/home", 4), new PathVisits("/blog", 2),
                new PathVisits("/a", 1), new PathVisits("/pricing", 1));
        assertThat(summary.exitPages()).containsExactly(new PathVisits("/home", 3), new PathVisits("/blog", 2),
                new PathVisits("/b", 1), new PathVisits("/pricing", 1), new PathVisits("/signup", 1));
        assertThat(summary.countries()).containsExactly(new CountryVisitors("US", 2),
                new CountryVisitors("DE", 1), new CountryVisitors("FR", 1), new CountryVisitors("GB", 1),
                new CountryVisitors("NL", 1));
        assertThat(summary.languages()).containsExactly(new LanguageVisitors("en", 3),
                new LanguageVisitors("de", 1), new LanguageVisitors("fr", 1), new LanguageVisitors("nl", 1));
        assertThat(summary.referrers()).containsExactly(new ReferrerVisits("google.com", 3),
                new ReferrerVisits("bing.com", 1), new ReferrerVisits("news.ycombinator.com", 1));
    }

    @Test
    @DisplayName("a visit counts on the day of its first page view, even when it crosses midnight")
    void visitBelongsToItsFirstDay() {
        ScriptedDays.write(store());

        AnalyticsSummary secondDay = store().analytics().summary(D2, D2);

        // Bob's 00:01 page view on D2 belongs to his visit of D1, so he is not a visitor of D2.
        assertThat(secondDay.visitors()).isEqualTo(4);
        assertThat(secondDay.visits()).isEqualTo(4);
        assertThat(secondDay.pageviews()).isEqualTo(6);
        assertThat(secondDay.anonymousPageviews()).isEqualTo(2);
        assertThat(secondDay.pages()).contains(new Page("/pricing", 1, 1));
    }

    @Test
    @DisplayName("an empty range has zero numbers and a zero entry for every day")
    void emptyRange() {
        AnalyticsSummary summary = store().analytics().summary(D1, D3);

        assertThat(summary.visits()).isZero();
        assertThat(summary.bounceRate()).isZero();
        assertThat(summary.avgVisitSeconds()).isZero();
        assertThat(summary.days()).containsExactly(new Day(D1, 0, 0, 0), new Day(D2, 0, 0, 0),
                new Day(D3, 0, 0, 0));
        assertThat(summary.pages()).isEmpty();
    }

    @Test
    @DisplayName("a range that ends before it starts is refused")
    void reversedRange() {
        assertThatThrownBy(() -> store().analytics().summary(D2, D1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after its end");
    }

    @Test
    @DisplayName("lists hold at most 100 entries, the highest counts first")
    void listsAreCapped() {
        List<PageView> views = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            for (int n = 0; n <= i % 3; n++) {
                views.add(new PageView(Instant.parse("2025-03-10T10:00:00Z").plusSeconds(n), "v" + i, 1,
                        String.format("/p%03d", i), "DE", "de", null));
            }
        }
        store().events().write(views, List.of());

        List<Page> pages = store().analytics().summary(D1, D1).pages();

        assertThat(pages).hasSize(100);
        assertThat(pages.get(0)).isEqualTo(new Page("/p002", 3, 1));
        assertThat(pages.get(49)).isEqualTo(new Page("/p149", 3, 1));
        assertThat(pages.get(50)).isEqualTo(new Page("/p001", 2, 1));
    }

    @Test
    @DisplayName("a batch with one unstorable page view is refused whole")
    void invalidBatchIsRefusedWhole() {
        PageView fine = view("2025-03-10T10:00:00Z", "v1", 1, "/", "DE", "de", null);
        PageView tooLong = view("2025-03-10T10:00:01Z", "v1", 1, "/" + "x".repeat(2000), "DE", "de", null);

        assertThatThrownBy(() -> store().events().write(List.of(fine, tooLong), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path is 2001 characters");
        assertThat(store().analytics().summary(D1, D1).pageviews()).isZero();
    }

    @Test
    @DisplayName("several writers with page views of the same visits in shuffled batches give the exact summary")
    void concurrentWritersAgree() throws Exception {
        List<PageView> views = Events.crowd(60, 5, 7);
        List<List<PageView>> batches = Events.shuffledBatches(views, 25, 11);
        writeConcurrently(batches, 4, i -> Events.anonymous("2025-01-02T10:00:00Z", "/", i % 3));
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, IntStream.range(0, batches.size())
                .mapToObj(i -> Events.anonymous("2025-01-02T10:00:00Z", "/", i % 3))
                .flatMap(List::stream).toList());

        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate to = LocalDate.parse("2025-01-06");
        assertThat(store().analytics().summary(from, to)).isEqualTo(oracle.summary(from, to));
        assertThat(store().analytics().summary(from, to).pageviews()).isEqualTo(views.size());
    }

    @Test
    @DisplayName("eight writers with small batches of a few loyal visitors agree with the oracle on every sub-range")
    void manyWritersOnFewVisitorsAgreeOnEveryRange() throws Exception {
        // Few visitors with many visits over many days: every batch touches visitors that other batches are
        // changing at the same time, late page views move visits between days, and visitor-day chains grow
        // from both ends.
        List<PageView> views = Events.crowd(12, 8, 23).stream()
                .flatMap(v -> java.util.stream.Stream.of(v, new PageView(v.at().plusSeconds(86_000), v.visitorKey(),
                        v.visit() + 3, v.path(), v.country(), v.language(), v.referrerHost())))
                .toList();
        writeConcurrently(Events.shuffledBatches(views, 3, 5), 8, i -> List.of());
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, List.of());

        LocalDate first = LocalDate.parse("2025-01-01");
        assertOracleOnEveryRange(store(), oracle, first, first.plusDays(9));
    }

    // --- Month rollups (issue 12, summary round 7) ----------------------------------------------------

    /** Days where a summary range may start or end around the month ends of 2025-01-01..2025-04-10. */
    private static final List<LocalDate> MONTH_EDGES = java.util.stream.Stream.of("2025-01-01", "2025-01-02",
            "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-27", "2025-02-28", "2025-03-01", "2025-03-15",
            "2025-03-31", "2025-04-01", "2025-04-10").map(LocalDate::parse).toList();

    /** Visitors coming back over 100 days from 2025-01-01: visitor-day repeats within and across months. */
    private static List<PageView> monthsOfTraffic(long seed) {
        return Events.crowd(30, 100, seed).stream()
                .flatMap(v -> java.util.stream.Stream.of(v, new PageView(v.at().plusSeconds(86_000 * 9), v.visitorKey(),
                        v.visit() + 3, v.path(), v.country(), v.language(), v.referrerHost())))
                .toList();
    }

    @Test
    @DisplayName("page views that arrive after their months were rolled up keep every range around the month ends exact")
    void lateViewsForRolledUpMonths() {
        List<PageView> views = monthsOfTraffic(41);
        List<List<PageView>> batches = Events.shuffledBatches(views, 40, 43);
        List<AnonymousPageView> anonymous = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            List<AnonymousPageView> some = Events.anonymous("2025-0" + (1 + i % 3) + "-1" + i % 10 + "T08:00:00Z",
                    "/a" + i % 4, 1 + i % 2);
            anonymous.addAll(some);
            store().events().write(batches.get(i), some);
            if (i == batches.size() / 2) {
                // Rolls up January to March, which are closed and whole in the range.
                store().analytics().summary(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-10"));
            }
        }
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, anonymous);

        assertOracleOnRanges(store(), oracle, MONTH_EDGES);
        assertMonthRowsAreDaySums();
    }

    @Test
    @DisplayName("months rolled up while four writers are writing them stay exact")
    void rollupsWhileWriting() throws Exception {
        List<PageView> views = monthsOfTraffic(47);
        List<List<PageView>> batches = Events.shuffledBatches(views, 15, 53);
        ExecutorService summaries = Executors.newSingleThreadExecutor();
        try {
            Future<?> rollingUp = summaries.submit(() -> {
                for (String month : List.of("2025-01", "2025-02", "2025-03")) {
                    LocalDate first = LocalDate.parse(month + "-01");
                    Thread.sleep(40);
                    store().analytics().summary(first, MonthRollups.lastDayOf(first));
                }
                return null;
            });
            writeConcurrently(batches, 4, i -> Events.anonymous("2025-02-2" + i % 8 + "T10:00:00Z", "/", 1));
            rollingUp.get();
        } finally {
            summaries.shutdown();
        }
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, IntStream.range(0, batches.size())
                .mapToObj(i -> Events.anonymous("2025-02-2" + i % 8 + "T10:00:00Z", "/", 1))
                .flatMap(List::stream).toList());

        assertOracleOnRanges(store(), oracle, MONTH_EDGES);
        assertMonthRowsAreDaySums();
    }

    /** On a JDBC store, January to March 2025 are rolled up, and each rolled-up month's rows are its day sums. */
    private void assertMonthRowsAreDaySums() {
        if (store() instanceof JdbcCrumbStore jdbc) {
            MonthRowsCheck.assertSumsOfDays(jdbc.monthRollups().database(), LocalDate.parse("2025-01-01"),
                    LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01"));
        }
    }

    /** The store's summary of every range between two of {@code days} is the oracle's. */
    static void assertOracleOnRanges(CrumbStore store, InMemoryCrumbStore oracle, List<LocalDate> days) {
        for (LocalDate from : days) {
            for (LocalDate to : days) {
                if (!to.isBefore(from)) {
                    assertThat(store.analytics().summary(from, to)).as("%s..%s", from, to)
                            .isEqualTo(oracle.summary(from, to));
                }
            }
        }
    }

    /** The store's summary of every range within {@code first}..{@code last} is the oracle's. */
    static void assertOracleOnEveryRange(CrumbStore store, InMemoryCrumbStore oracle, LocalDate first, LocalDate last) {
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(1)) {
            for (LocalDate to = from; !to.isAfter(last); to = to.plusDays(1)) {
                assertThat(store.analytics().summary(from, to)).as("%s..%s", from, to).isEqualTo(oracle.summary(from, to));
            }
        }
    }

    /** The number of rows of {@code table} in the H2 database at {@code url}. */
    static long rowsOnH2(String url, String table) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(JdbcUrls.completeH2(url), "crumb", "");
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Makes the H2 database at {@code url} reject anonymous page views of {@code path}. */
    static void rejectAnonymousPathOnH2(String url, String path) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(JdbcUrls.completeH2(url), "crumb", "");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE crumb_anonymous_day ADD CONSTRAINT test_failure CHECK (path <> '"
                    + path + "')");
        }
    }

    @Test
    @DisplayName("a late first page view moves its visit, visitor, entry and bounce to the day before")
    void lateFirstPageViewMovesTheVisit() {
        store().events().write(List.of(view("2025-03-11T00:10:00Z", "v1", 2, "/b", "DE", "de", null),
                view("2025-03-12T09:00:00Z", "v1", 3, "/c", "DE", "de", null)), List.of());
        AnalyticsSummary before = store().analytics().summary(D2, D2);

        store().events().write(List.of(view("2025-03-10T23:50:00Z", "v1", 2, "/a", "FR", "fr", "x.com")),
                List.of());

        assertThat(before.visitors()).isEqualTo(1);
        assertThat(before.bounceRate()).isEqualTo(1.0);
        assertThat(store().analytics().summary(D2, D2).visits()).isZero();
        AnalyticsSummary d1 = store().analytics().summary(D1, D1);
        assertThat(d1.visitors()).isEqualTo(1);
        assertThat(d1.returningVisitors()).isEqualTo(1);
        assertThat(d1.bounceRate()).isZero();
        assertThat(d1.avgVisitSeconds()).isEqualTo(1200.0);
        assertThat(d1.entryPages()).containsExactly(new PathVisits("/a", 1));
        assertThat(d1.exitPages()).containsExactly(new PathVisits("/b", 1));
        assertThat(d1.countries()).containsExactly(new CountryVisitors("FR", 1));
        assertThat(d1.referrers()).containsExactly(new ReferrerVisits("x.com", 1));
        assertThat(store().analytics().summary(D1, D3).visitors()).isEqualTo(1);
        assertThat(store().analytics().summary(D1, D3).countries()).containsExactly(new CountryVisitors("FR", 1));
        assertThat(store().analytics().summary(D2, D3).countries()).containsExactly(new CountryVisitors("DE", 1));
    }

    @Test
    @DisplayName("a visit of more paths than its row holds is exact in shuffled batches, also when a late page view moves it")
    void crawlerVisitWithManyPathsIsExact() throws Exception {
        // 200 paths of 40 characters: more than a visit row holds (VisitPages.ROW_CAPACITY), so part of the
        // visit's paths live in crumb_visit_page; some batches repeat paths, the last moves the visit a day back.
        List<PageView> views = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            views.add(new PageView(Instant.parse("2025-03-11T00:01:00Z").plusSeconds(i), "crawler", 1,
                    String.format("/products/%04d/a-rather-long-product-slug", i % 200), "DE", "de", null));
        }
        views.add(view("2025-03-11T09:00:00Z", "other", 1, "/products/0007/a-rather-long-product-slug", "FR", "fr",
                null));
        writeConcurrently(Events.shuffledBatches(views, 37, 3), 4, i -> List.of());
        PageView late = view("2025-03-10T23:59:00Z", "crawler", 1, "/products/0199/a-rather-long-product-slug",
                "DE", "de", null);
        store().events().write(List.of(late), List.of());
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        views.add(late);
        oracle.write(views, List.of());

        for (LocalDate[] range : new LocalDate[][] {{D1, D1}, {D2, D2}, {D1, D3}}) {
            assertThat(store().analytics().summary(range[0], range[1])).as("%s..%s", range[0], range[1])
                    .isEqualTo(oracle.summary(range[0], range[1]));
        }
        assertThat(store().visitorRecords().visits("crawler", 5))
                .isEqualTo(oracle.visitorRecords().visits("crawler", 5));
        assertThat(store().analytics().summary(D1, D1).pageviews()).isEqualTo(401);
    }

    private void writeConcurrently(List<List<PageView>> batches, int threads,
                                   java.util.function.IntFunction<List<AnonymousPageView>> anonymous)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                List<PageView> batch = batches.get(i);
                List<AnonymousPageView> anonymousViews = anonymous.apply(i);
                done.add(writers.submit(() -> store().events().write(batch, anonymousViews)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    // --- Per-visitor rows: access, erasure, retention (issue 13) -------------------------------------

    @Test
    @DisplayName("visits(key) shows what is held under that key only: visits, pages, first and last seen")
    void visitorHoldings() {
        store().events().write(List.of(
                Events.view("2025-03-10T10:00:00Z", "v1", 1, "/", "DE", "de", "news.example.org"),
                Events.view("2025-03-10T10:05:00Z", "v1", 1, "/products/1", "DE", "de", null),
                Events.view("2025-03-10T10:06:00Z", "v1", 1, "/products/1", "DE", "de", null),
                Events.view("2025-03-11T09:00:00Z", "v1", 2, "/cart", "DE", "de", null),
                Events.view("2025-03-10T11:00:00Z", "v2", 1, "/", "FR", "fr", null)), List.of());

        StoredVisits held = store().visitorRecords().visits("v1", 10);
        assertThat(held.visitCount()).isEqualTo(2);
        assertThat(held.pageViews()).isEqualTo(4);
        assertThat(held.firstSeen()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
        assertThat(held.lastSeen()).isEqualTo(Instant.parse("2025-03-11T09:00:00Z"));
        assertThat(held.visits()).extracting(StoredVisit::visit).containsExactly(2, 1);
        StoredVisit first = held.visits().get(1);
        assertThat(first.entryPath()).isEqualTo("/");
        assertThat(first.exitPath()).isEqualTo("/products/1");
        assertThat(first.referrer()).isEqualTo("news.example.org");
        assertThat(first.pages()).containsExactlyInAnyOrderEntriesOf(Map.of("/", 1L, "/products/1", 2L));
        assertThat(store().visitorRecords().visits("v1", 1).visits()).hasSize(1);
        assertThat(store().visitorRecords().visits("nobody", 10)).isEqualTo(StoredVisits.NONE);
    }

    @Test
    @DisplayName("erasing a key removes its per-visit rows; other visitors and the summary stay exactly the same")
    void erasureKeepsTheSummary() {
        List<PageView> views = Events.crowd(20, 5, 11);
        store().events().write(views, List.of());
        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate to = LocalDate.parse("2025-01-11");
        AnalyticsSummary before = store().analytics().summary(from, to);
        String gone = views.get(0).visitorKey();
        String stays = views.stream().map(PageView::visitorKey).filter(k -> !k.equals(gone)).findFirst().orElseThrow();
        StoredVisits other = store().visitorRecords().visits(stays, 100);

        assertThat(store().visitorRecords().erase(gone)).isPositive();
        assertThat(store().visitorRecords().visits(gone, 100)).isEqualTo(StoredVisits.NONE);
        assertThat(store().visitorRecords().visits(stays, 100)).isEqualTo(other);
        assertThat(store().analytics().summary(from, to)).isEqualTo(before);
        assertThat(store().visitorRecords().erase(gone)).isZero();
    }

    @Test
    @DisplayName("visit retention deletes whole visits that ended before the cut, and the summary stays the same")
    void visitRetentionKeepsTheSummary() {
        List<PageView> views = Events.crowd(30, 10, 5);
        store().events().write(views, List.of());
        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate to = LocalDate.parse("2025-01-11");
        AnalyticsSummary before = store().analytics().summary(from, to);
        Instant cut = Instant.parse("2025-01-06T00:00:00Z");
        long oldVisits = views.stream().collect(java.util.stream.Collectors.groupingBy(
                v -> v.visitorKey() + "/" + v.visit(), java.util.stream.Collectors.mapping(PageView::at,
                        java.util.stream.Collectors.maxBy(java.util.Comparator.naturalOrder()))))
                .values().stream().filter(end -> end.orElseThrow().isBefore(cut)).count();

        assertThat(oldVisits).isPositive();
        assertThat(store().visitorRecords().deleteVisitsEndedBefore(cut)).isEqualTo(oldVisits);
        assertThat(store().visitorRecords().deleteVisitsEndedBefore(cut)).isZero();
        for (String key : views.stream().map(PageView::visitorKey).distinct().toList()) {
            assertThat(store().visitorRecords().visits(key, 1000).visits())
                    .allSatisfy(v -> assertThat(v.end()).isAfterOrEqualTo(cut));
        }
        assertThat(store().analytics().summary(from, to)).isEqualTo(before);
    }

    @Test
    @DisplayName("after visit retention trims the visitor-day chains, later batches keep every range from the cut exact")
    void writerCarriesOnAfterVisitRetention() {
        LocalDate first = LocalDate.parse("2025-01-01");
        LocalDate cutDay = first.plusDays(6);
        String[] paths = {"/", "/a", "/b"};
        List<PageView> early = new ArrayList<>();
        List<PageView> middle = new ArrayList<>();
        List<PageView> late = new ArrayList<>();
        for (int v = 0; v < 12; v++) {
            int[] days = {v % 3, 2 + v % 4, 4, 7 + v % 2, 9, 12 + v % 3, 12 + v % 3};
            for (int n = 0; n < days.length; n++) {
                Instant start = first.plusDays(days[n]).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(3600L * (1 + v) + 60L * n);
                for (int p = 0; p <= (v + n) % 3; p++) {
                    PageView view = new PageView(start.plusSeconds(10L * p), "keep-" + v, n + 1,
                            paths[(v + n + p) % paths.length], v % 2 == 0 ? "DE" : "FR", v % 2 == 0 ? "de" : "fr", null);
                    (days[n] < 6 ? early : days[n] < 10 ? middle : late).add(view);
                }
            }
        }
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(early, List.of());
        oracle.write(middle, List.of());
        oracle.write(late, List.of());
        store().events().write(early, List.of());
        store().events().write(middle, List.of());

        assertThat(store().visitorRecords().deleteVisitsEndedBefore(cutDay.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .isPositive();
        List<PageView> reversed = new ArrayList<>(late);
        java.util.Collections.reverse(reversed);
        store().events().write(reversed.subList(0, reversed.size() / 2), List.of());
        store().events().write(reversed.subList(reversed.size() / 2, reversed.size()), List.of());

        assertOracleOnEveryRange(store(), oracle, cutDay, first.plusDays(14));
    }

    @Test
    @DisplayName("consent-log retention deletes records superseded before the cut and always keeps the newest")
    void consentRetention() {
        ConsentRecord oldest = consent("v1", "2019-01-01T10:00:00Z", Set.of(), ConsentSource.REGION_DEFAULT);
        ConsentRecord supersededEarly = consent("v1", "2019-06-01T10:00:00Z", Set.of(Category.ANALYTICS), ConsentSource.BANNER);
        ConsentRecord supersededLate = consent("v1", "2020-01-01T10:00:00Z", Set.of(), ConsentSource.WITHDRAWAL);
        ConsentRecord newest = consent("v1", "2024-01-01T10:00:00Z", Set.of(Category.MARKETING), ConsentSource.BANNER);
        ConsentRecord alone = consent("v2", "2018-01-01T10:00:00Z", Set.of(), ConsentSource.GPC);
        for (ConsentRecord r : List.of(oldest, supersededEarly, supersededLate, newest, alone)) {
            store().consentLog().append(r);
        }

        long deleted = store().consentLog().deleteSupersededBefore(Instant.parse("2020-06-01T00:00:00Z"));

        assertThat(deleted).isEqualTo(2);
        assertThat(store().consentLog().history("v1", 10)).containsExactly(newest, supersededLate);
        assertThat(store().consentLog().history("v2", 10)).containsExactly(alone);
    }

    @Test
    @DisplayName("retention deletes old raw events and the summary stays the same")
    void retentionKeepsTheSummary() {
        List<PageView> views = Events.crowd(40, 10, 3);
        store().events().write(views, Events.anonymous("2025-01-01T10:00:00Z", "/", 4));
        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate to = LocalDate.parse("2025-01-11");
        AnalyticsSummary before = store().analytics().summary(from, to);
        Instant cut = Instant.parse("2025-01-06T00:00:00Z");

        long deleted = store().events().deleteRawEventsBefore(cut);

        assertThat(deleted).isEqualTo(views.stream().filter(v -> v.at().isBefore(cut)).count()).isPositive();
        assertThat(store().events().deleteRawEventsBefore(cut)).isZero();
        assertThat(store().analytics().summary(from, to)).isEqualTo(before);
    }
    private static ConsentRecord consent(String visitor, String at, Set<Category> granted, ConsentSource source) {
        return new ConsentRecord(visitor, Instant.parse(at), granted, 1, source);
    }

    // --- Security records (issue 17) ----------------------------------------------------------------

    @Test
    @DisplayName("the first hash-key fingerprint is kept; a later, different one gets the first back")
    void hashKeyFingerprintFirstWins() {
        assertThat(store().security().hashKeyFingerprint("first-fingerprint")).isEqualTo("first-fingerprint");
        assertThat(store().security().hashKeyFingerprint("other-fingerprint")).isEqualTo("first-fingerprint");
        assertThat(store().security().hashKeyFingerprint("first-fingerprint")).isEqualTo("first-fingerprint");
    }

    @Test
    @DisplayName("the analyst's sign-out time starts at the epoch and only moves forward")
    void analystSignOutMovesForward() {
        java.time.Instant t = java.time.Instant.parse("2026-03-02T10:00:00.123456Z");
        assertThat(store().security().analystSessionsEndedAt()).isEqualTo(java.time.Instant.EPOCH);
        store().security().endAnalystSessions(t);
        assertThat(store().security().analystSessionsEndedAt()).isEqualTo(t);
        store().security().endAnalystSessions(t.minusSeconds(60));
        assertThat(store().security().analystSessionsEndedAt()).isEqualTo(t);
        store().security().endAnalystSessions(t.plusSeconds(60));
        assertThat(store().security().analystSessionsEndedAt()).isEqualTo(t.plusSeconds(60));
    }
}
