package dev.crumb.bench.store;

import dev.crumb.TrackingOptions;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.store.PageView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code store-summary}: loads deterministic synthetic traffic into a fresh database through the store's
 * real write path (without raw page-view rows unless {@code --raw-events true}), then times the summary over
 * the whole range against a brute-force count of the raw events, or of the visits when there are none.
 *
 * <pre>
 * CRUMB_DB_PASSWORD=crumb java -jar bench/target/crumb-bench.jar store-summary \
 *     --db-url jdbc:postgresql://127.0.0.1:5432/crumb_bench --db-user crumb --events 10000000 --days 90
 * </pre>
 *
 * The database named in the URL is dropped and created again (PostgreSQL; the user needs CREATEDB), or
 * emptied with {@code DROP ALL OBJECTS} (H2).
 */
public final class StoreSummaryBench {
    private static final String BASELINE = "SELECT count(*), count(DISTINCT visitor_key) FROM crumb_page_view";
    /** The baseline without raw events: the same two numbers from the visits, which every store keeps. */
    private static final String BASELINE_VISITS = "SELECT sum(pageviews), count(DISTINCT visitor_key) FROM crumb_visit";

    /** The page views per batch of Crumb's own writer, so that the load writes as a server would. */
    private static final int CRUMB_BATCH = TrackingOptions.builder().build().batchSize();

    private final Map<String, String> options;

    private StoreSummaryBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--db-user", "crumb", "--events", "10000000",
                "--days", "90", "--visitors", "300000", "--paths", "400", "--batch", String.valueOf(CRUMB_BATCH),
                "--writers", "2", "--runs", "15", "--baseline-runs", "5", "--seed", "20250101"));
        options.put("--reuse", "false");
        options.put("--split", "time");
        options.put("--defer", "true");
        options.put("--raw-events", "false");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || !options.containsKey(args[i]) && !args[i].equals("--db-url")
                    || i + 1 == args.length) {
                System.out.println("usage: store-summary --db-url URL [--db-user crumb] [--events 10000000]"
                        + " [--days 90] [--visitors 300000] [--paths 400] [--batch " + CRUMB_BATCH
                        + ": Crumb's own batch size] [--writers 2] [--runs 15]"
                        + " [--baseline-runs 5] [--seed N] [--reuse true: time a database loaded before with the same"
                        + " options] [--raw-events false: true keeps raw page-view rows, as tracking-raw-events does]"
                        + " [--split time: each writer takes the next slice of the day's traffic; visitor: each writer"
                        + " only the visitors of its share, as behind a load balancer with sticky sessions] [--defer"
                        + " true: writes through EventSink.writeOrDefer, each writer carrying what the store"
                        + " left for later into its next batch, as Crumb's writer does; false: EventSink.write];"
                        + " password from CRUMB_DB_PASSWORD");
                System.exit(args[i].equals("--help") ? 0 : 2);
            }
            options.put(args[i], args[++i]);
        }
        if (!options.containsKey("--db-url")) {
            System.err.println("store-summary needs --db-url (jdbc:postgresql://… or jdbc:h2:…); try --help");
            System.exit(2);
        }
        new StoreSummaryBench(options).run();
    }

    private String url() {
        return options.get("--db-url");
    }

    private String user() {
        return options.get("--db-user");
    }

    private static String password() {
        String password = System.getenv("CRUMB_DB_PASSWORD");
        return password == null ? "" : password;
    }

    private int number(String option) {
        return Integer.parseInt(options.get(option));
    }

    /** Whether the load keeps raw page-view rows; off by default, like Crumb's {@code tracking-raw-events}. */
    private boolean rawEvents() {
        return Boolean.parseBoolean(options.get("--raw-events"));
    }

    /** Whether the writers write through {@code EventSink.writeOrDefer}, as Crumb's writer does (the default). */
    private boolean defer() {
        return Boolean.parseBoolean(options.get("--defer"));
    }

    private String baselineQuery() {
        return rawEvents() ? BASELINE : BASELINE_VISITS;
    }

    private boolean postgres() {
        return url().startsWith("jdbc:postgresql:");
    }

    private void run() throws Exception {
        long events = Long.parseLong(options.get("--events"));
        int days = number("--days");
        SyntheticTraffic traffic = new SyntheticTraffic(Long.parseLong(options.get("--seed")), number("--visitors"),
                number("--paths"), LocalDate.parse("2025-01-01"), days, events);
        boolean reuse = Boolean.parseBoolean(options.get("--reuse"));
        if (!reuse) {
            recreateDatabase();
        }
        try (CrumbStore store = CrumbStores.jdbc(url(), user(), password())) {
            if (!reuse) {
                Load load = load(store, traffic);
                System.out.printf(Locale.ROOT, "load: %,d page views + %,d anonymous in %,d batches of %d by %d"
                                + " writers (split by %s, %s), raw events %s, in %.1f s = %,.0f page views/s (batch p50"
                                + " %.0f ms, p95 %.0f ms)%n",
                        load.pageViews, load.anonymous, load.batches, number("--batch"), number("--writers"),
                        options.get("--split"), defer() ? "deferring" : "waiting",
                        rawEvents() ? "kept" : "not kept",
                        load.seconds, load.pageViews / load.seconds, load.batchP50, load.batchP95);
                System.out.printf(Locale.ROOT, "ingest: %.0f page views/s (first 10 days %.0f, last 10 days %.0f)%n",
                        load.ingestRate(), load.firstRate(), load.lastRate());
                maintain();
            }
            LocalDate from = traffic.firstDay();
            LocalDate to = traffic.lastDay();
            long firstStarted = System.nanoTime();
            AnalyticsSummary summary = store.analytics().summary(from, to);
            System.out.printf(Locale.ROOT, "first summary (rolls up the closed months it covers whole, if not yet):"
                    + " %.1f ms%n", (System.nanoTime() - firstStarted) / 1e6);
            describeTables();
            System.out.printf(Locale.ROOT, "summary %s..%s: %,d visitors (%,d new, %,d returning), %,d visits,"
                            + " %,d page views, %,d anonymous, bounce rate %.3f, %.1f s per visit, %d pages,"
                            + " %d countries%n", from, to, summary.visitors(), summary.newVisitors(),
                    summary.returningVisitors(), summary.visits(), summary.pageviews(), summary.anonymousPageviews(),
                    summary.bounceRate(), summary.avgVisitSeconds(), summary.pages().size(),
                    summary.countries().size());
            double[] times = time(3, number("--runs"), () -> store.analytics().summary(from, to));
            // A range that cuts its first month: those days come from the day rows, the rest from month rollups.
            LocalDate midMonth = from.plusDays(14);
            double[] cut = days > 45 ? time(1, number("--runs"), () -> store.analytics().summary(midMonth, to))
                    : new double[0];
            int baselineRuns = number("--baseline-runs");
            double[] baseline = time(baselineRuns > 0 ? 1 : 0, baselineRuns, this::baseline);
            System.out.printf(Locale.ROOT, "summary over %d days: median %.1f ms, p95 %.1f ms (%d runs after 3"
                    + " warm-up)%n", days, percentile(times, 50), percentile(times, 95), times.length);
            if (cut.length > 0) {
                System.out.printf(Locale.ROOT, "summary %s..%s (starts mid-month): median %.1f ms, p95 %.1f ms (%d"
                        + " runs after 1 warm-up)%n", midMonth, to, percentile(cut, 50), percentile(cut, 95),
                        cut.length);
            }
            if (baseline.length > 0) {
                System.out.printf(Locale.ROOT, "baseline (%s): median %.1f ms, p95 %.1f ms (%d runs after 1"
                        + " warm-up)%n", baselineQuery(), percentile(baseline, 50), percentile(baseline, 95),
                        baseline.length);
                double ratio = percentile(times, 50) / percentile(baseline, 50);
                System.out.printf(Locale.ROOT, "ratio: the summary takes %.4f of the baseline's time (%s)%n", ratio,
                        ratio <= 1 ? String.format(Locale.ROOT, "%.1f× faster", 1 / ratio)
                                : String.format(Locale.ROOT, "%.1f× slower", ratio));
            }
        }
    }

    /**
     * Writes every day's traffic in time order, in batches, through {@code --writers} threads: with {@code --split
     * time} any writer takes the next batch, so writers at work at the same time share the visitors whose visits
     * cross from one batch to the next; with {@code --split visitor} each writer takes the batches of its own
     * share of the visitors (by key hash) and never waits for another's visitor locks.
     */
    private Load load(CrumbStore store, SyntheticTraffic traffic) throws Exception {
        int batch = number("--batch");
        int writers = number("--writers");
        String split = options.get("--split");
        if (!split.equals("time") && !split.equals("visitor")) {
            throw new IllegalArgumentException("--split is time or visitor, was " + split);
        }
        boolean byVisitor = split.equals("visitor");
        boolean defer = defer();
        ExecutorService pool = new ThreadPoolExecutor(writers, writers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(writers * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        // A writer per lane when each writer must keep its own visitors or its own carried page views.
        List<ExecutorService> lanes = new ArrayList<>();
        List<Carried> carried = new ArrayList<>();
        for (int lane = 0; (byVisitor || defer) && lane < writers; lane++) {
            lanes.add(Executors.newSingleThreadExecutor());
            carried.add(new Carried());
        }
        List<Future<Long>> pending = new ArrayList<>();
        List<Long> batchNanos = new ArrayList<>();
        long pageViews = 0;
        long anonymous = 0;
        long started = System.nanoTime();
        // Time spent writing (not generating) each day, to give the rate and how it changes as history grows.
        long[] dayViews = new long[traffic.days()];
        long[] dayNanos = new long[traffic.days()];
        try {
            for (int day = 0; day < traffic.days(); day++) {
                List<PageView> views = traffic.pageViews(day);
                List<AnonymousPageView> anonymousViews = traffic.anonymousViews(day);
                long dayStarted = System.nanoTime();
                // Split by visitor, each slice of the day (a batch per writer) goes to the writers by visitor: the
                // same page views per batch and the same time windows as split by time, without shared visitors.
                int slice = byVisitor ? batch * writers : batch;
                int slices = (views.size() + slice - 1) / slice;
                int batches = slices * (byVisitor ? writers : 1);
                int b = 0;
                for (int from = 0; from < views.size(); from += slice) {
                    List<PageView> window = views.subList(from, Math.min(views.size(), from + slice));
                    List<List<PageView>> parts = byVisitor ? shares(window, writers) : List.of(window);
                    for (int part = 0; part < parts.size(); part++, b++) {
                        List<PageView> views1 = parts.get(part);
                        List<AnonymousPageView> anonymousPart = anonymousViews.subList(
                                anonymousViews.size() * b / batches, anonymousViews.size() * (b + 1) / batches);
                        int lane = byVisitor ? part : b % writers;
                        pending.add((lanes.isEmpty() ? pool : lanes.get(lane)).submit(() -> {
                            long t = System.nanoTime();
                            if (defer) {
                                carried.get(lane).write(store, views1, anonymousPart, rawEvents());
                            } else {
                                store.events().write(views1, anonymousPart, rawEvents());
                            }
                            return System.nanoTime() - t;
                        }));
                    }
                }
                pageViews += views.size();
                anonymous += anonymousViews.size();
                for (Future<Long> done : pending) {
                    batchNanos.add(done.get());
                }
                pending.clear();
                dayViews[day] = views.size();
                dayNanos[day] = System.nanoTime() - dayStarted;
                if ((day + 1) % 10 == 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT, "  loaded %d of %d days, %,d page views, %,.0f/s%n", day + 1,
                            traffic.days(), pageViews, pageViews / seconds);
                }
            }
            for (int lane = 0; defer && lane < lanes.size(); lane++) {
                Carried left = carried.get(lane);
                lanes.get(lane).submit(() -> left.flush(store, rawEvents())).get();
            }
        } finally {
            pool.shutdown();
            lanes.forEach(ExecutorService::shutdown);
        }
        double[] batchMs = batchNanos.stream().mapToDouble(n -> n / 1e6).toArray();
        int edge = Math.min(10, traffic.days());
        return new Load(pageViews, anonymous, batchMs.length, (System.nanoTime() - started) / 1e9,
                percentile(batchMs, 50), percentile(batchMs, 95), rate(dayViews, dayNanos, 0, traffic.days()),
                rate(dayViews, dayNanos, 0, edge), rate(dayViews, dayNanos, traffic.days() - edge, traffic.days()));
    }

    /**
     * The page views the store left for later ({@code EventSink.writeOrDefer}) of one writer, written ahead of its
     * next batch; after three batches in a row that left some, the next one waits instead, as Crumb's writer does.
     * Used by one lane's thread only.
     */
    private static final class Carried {
        private static final int MAX_DEFERRED_ROUNDS = 3;
        private List<PageView> views = List.of();
        private int rounds;

        void write(CrumbStore store, List<PageView> next, List<AnonymousPageView> anonymous, boolean rawEvents) {
            List<PageView> batch = new ArrayList<>(views);
            batch.addAll(next);
            if (rounds >= MAX_DEFERRED_ROUNDS) {
                store.events().write(batch, anonymous, rawEvents);
                views = List.of();
            } else {
                views = store.events().writeOrDefer(batch, anonymous, rawEvents);
            }
            rounds = views.isEmpty() ? 0 : rounds + 1;
        }

        Void flush(CrumbStore store, boolean rawEvents) {
            if (!views.isEmpty()) {
                store.events().write(views, List.of(), rawEvents);
                views = List.of();
            }
            return null;
        }
    }

    /** Page views split into {@code writers} shares by visitor key, each still in time order. */
    private static List<List<PageView>> shares(List<PageView> views, int writers) {
        List<List<PageView>> shares = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            shares.add(new ArrayList<>());
        }
        views.forEach(view -> shares.get(Math.floorMod(view.visitorKey().hashCode(), writers)).add(view));
        return shares;
    }

    /** Page views per second of writing over the days {@code from} (inclusive) to {@code to} (exclusive). */
    private static double rate(long[] views, long[] nanos, int from, int to) {
        long count = 0;
        long time = 0;
        for (int day = from; day < to; day++) {
            count += views[day];
            time += nanos[day];
        }
        return time == 0 ? 0 : count / (time / 1e9);
    }

    /**
     * @param ingestRate page views per second of writing time (the traffic's generation excluded), all days
     * @param firstRate  the same over the first ten days
     * @param lastRate   the same over the last ten days, when visitors' histories are longest
     */
    private record Load(long pageViews, long anonymous, int batches, double seconds, double batchP50,
                        double batchP95, double ingestRate, double firstRate, double lastRate) {}

    private void recreateDatabase() throws SQLException {
        if (postgres()) {
            String base = url().contains("?") ? url().substring(0, url().indexOf('?')) : url();
            String database = base.substring(base.lastIndexOf('/') + 1);
            if (!database.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("the database name '" + database + "' must be lower-case letters,"
                        + " digits and underscores; this command drops and creates it");
            }
            String admin = base.substring(0, base.lastIndexOf('/') + 1) + "postgres";
            try (Connection connection = DriverManager.getConnection(admin, user(), password());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + database);
            }
        } else {
            try (Connection connection = DriverManager.getConnection(url(), user(), password());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
            }
        }
    }

    /** What autovacuum would have done by the time anyone reads a report: statistics and visibility maps. */
    private void maintain() throws SQLException {
        if (!postgres()) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        System.out.printf(Locale.ROOT, "vacuum analyze: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void describeTables() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
             Statement statement = connection.createStatement()) {
            for (String table : List.of("crumb_page_view", "crumb_visit", "crumb_visit_page", "crumb_visitor",
                    "crumb_visitor_chains", "crumb_day_count", "crumb_day_repeat", "crumb_anonymous_day",
                    "crumb_month_count", "crumb_month_repeat", "crumb_month_day")) {
                long rows;
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    row.next();
                    rows = row.getLong(1);
                }
                String size = "";
                if (postgres()) {
                    try (ResultSet row = statement.executeQuery(
                            "SELECT pg_size_pretty(pg_total_relation_size('" + table + "'))")) {
                        row.next();
                        size = ", " + row.getString(1) + " with indexes";
                    }
                }
                System.out.printf(Locale.ROOT, "  %-20s %,12d rows%s%n", table, rows, size);
            }
        }
    }

    private Object baseline() {
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(baselineQuery())) {
            row.next();
            return row.getLong(1) + row.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException("the baseline query failed: " + e.getMessage(), e);
        }
    }

    /** Milliseconds of {@code runs} calls after {@code warmUp} untimed ones. */
    private static double[] time(int warmUp, int runs, Supplier<Object> call) {
        for (int i = 0; i < warmUp; i++) {
            Object unused = call.get(); // a database query: the JIT cannot drop it
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            Object unused = call.get();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        return ms;
    }

    /** The nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
