package dev.crumb.internal.store;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.TreeSet;

/**
 * Writes page views in one transaction per batch: the raw events when asked for, then — holding a row lock
 * on each visitor of the batch ({@link VisitorLocks}; on embedded H2 the database's one writer lock instead,
 * {@link Database#inWriterTransaction}) — the visit rollups, the writer's per-visitor state (the visitor's rows
 * of {@code crumb_visitor_chains}: its visitor-day chains and the earliest visit of each visitor-day,
 * {@link VisitorChains}) and the daily aggregates that the summary reads. The writer reads only what the batch
 * touches: the batch's own visits and its visitors' chain rows, of which it decodes the earliest visit of the
 * visitor-days the visits start on and the weight and neighbouring days of each chain the batch changes
 * ({@link BatchMerge}, {@link ChainChanges}); never a visitor's whole history. Every read and every write is
 * one statement for the whole batch (arrays or JDBC batches), so the cost per page view stays the same as
 * history grows. The aggregates stay exact whatever the order of
 * arrival and however many servers write (see {@code docs/storage.md}). Rows are locked and updated in a
 * fixed key order so that concurrent writers wait instead of deadlocking.
 */
final class JdbcEventSink implements EventSink {
    /** Raw page views deleted per transaction by {@link #deleteRawEventsBefore}. */
    static final int DELETE_CHUNK = 10_000;

    private static final String INSERT_RAW = "INSERT INTO crumb_page_view (viewed_at, visitor_key, visit_number,"
            + " path, country, language_code, referrer_host) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String VISIT_COLUMNS = "visitor_key, visit_number, start_day, first_ms, last_ms,"
            + " pageviews, entry_path, entry_referrer, entry_country, entry_language, exit_path";

    private static final KeyList<VisitId> VISIT_KEYS = new KeyList<VisitId>()
            .column("vk", "varchar", VisitId::visitorKey).column("vn", "integer", VisitId::visit);
    private static final KeyList<VisitorDay> DAY_KEYS = new KeyList<VisitorDay>()
            .column("vk", "varchar", VisitorDay::visitorKey).column("sd", "date", VisitorDay::day);

    private final Database database;
    private final ChunkedDelete rawRetention;
    private final List<String> analyticsSettings;
    private final VisitorLocks visitorLocks;
    private final KnownLockRows knownLockRows = new KnownLockRows(KnownLockRows.DEFAULT_CAPACITY);
    private final ReentrantLock oneWriterAtATime;
    private final int chainCapacity;
    private final MonthRollups rollups;
    private final String selectVisits;
    private final String selectVisitPages;
    private final String selectVisitsOfDays;
    private final String selectChains;
    private final String insertVisit;
    private final String updateVisit;
    private final String upsertVisitPage;
    private final String upsertDayCount;
    private final String upsertDayRepeat;
    private final String upsertAnonymous;

    JdbcEventSink(Database database) {
        this(database, DELETE_CHUNK, VisitorChains.DEFAULT_CAPACITY);
    }

    JdbcEventSink(Database database, int deleteChunk, int chainCapacity) {
        this(database, deleteChunk, chainCapacity, new MonthRollups(database, Clock.systemUTC()));
    }

    /**
     * @param deleteChunk   raw page views deleted per transaction by retention
     * @param chainCapacity characters of a visitor's chains per row of {@code crumb_visitor_chains}
     * @param rollups       the month rollups, whose rows the writer keeps exact too
     */
    JdbcEventSink(Database database, int deleteChunk, int chainCapacity, MonthRollups rollups) {
        this.chainCapacity = chainCapacity;
        this.rollups = rollups;
        this.rawRetention = new ChunkedDelete("crumb_page_view", "id", "viewed_at", deleteChunk);
        this.database = database;
        Dialect dialect = database.dialect();
        this.analyticsSettings = dialect.analyticsWriteSettings();
        this.visitorLocks = new VisitorLocks(dialect);
        // H2's MERGE fails instead of waiting when it meets another writer's uncommitted insert of the same
        // key, and its lock timeout is short: two writers of one H2 database, which share its single commit
        // path anyway, would mostly abort and redo each other's batches. So they take turns: this lock for the
        // writers of this store on an H2 server; on embedded H2, the database's lock (inWriterTransaction).
        this.oneWriterAtATime = dialect.upsertWaitsForConcurrentInsert() ? null : new ReentrantLock(true);
        this.selectVisits = "SELECT " + prefixed("v.", VISIT_COLUMNS) + ", v.pages, v.pages_spilled"
                + " FROM crumb_visit v JOIN "
                + VISIT_KEYS.table(dialect, "k") + " ON v.visitor_key = k.vk AND v.visit_number = k.vn";
        this.selectVisitPages = "SELECT p.visitor_key, p.visit_number, p.path, p.views FROM crumb_visit_page p JOIN "
                + VISIT_KEYS.table(dialect, "k") + " ON p.visitor_key = k.vk AND p.visit_number = k.vn";
        this.selectVisitsOfDays = "SELECT " + prefixed("v.", VISIT_COLUMNS) + " FROM crumb_visit v JOIN "
                + DAY_KEYS.table(dialect, "k") + " ON v.visitor_key = k.vk AND v.start_day = k.sd";
        this.selectChains = "SELECT c.visitor_key, c.part, c.chains FROM crumb_visitor_chains c JOIN "
                + KeyList.VISITOR_KEYS.table(dialect, "k") + " ON c.visitor_key = k.vk";
        StringBuilder overwrite = new StringBuilder();
        for (String column : VISIT_COLUMNS.split(",\\s*")) {
            if (!column.equals("visitor_key") && !column.equals("visit_number")) {
                overwrite.append(overwrite.length() == 0 ? "" : ", ").append(column).append(" = n.").append(column);
            }
        }
        this.insertVisit = "INSERT INTO crumb_visit (" + VISIT_COLUMNS + ", pages, pages_spilled)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.updateVisit = "UPDATE crumb_visit SET " + overwrite.toString().replaceAll("n\\.\\w+", "?")
                + ", pages = ?, pages_spilled = ? WHERE visitor_key = ? AND visit_number = ?";
        this.upsertVisitPage = dialect.upsert("crumb_visit_page", "visitor_key, visit_number, path, views",
                "visitor_key, visit_number, path", "views = v.views + n.views");
        this.upsertDayCount = dialect.upsert("crumb_day_count", "start_day, metric, item, amount",
                "start_day, metric, item", "amount = v.amount + n.amount");
        this.upsertDayRepeat = dialect.upsert("crumb_day_repeat", "start_day, prev_day, metric, item, amount",
                "start_day, prev_day, metric, item", "amount = v.amount + n.amount");
        this.upsertAnonymous = dialect.upsert("crumb_anonymous_day", "view_day, path, views",
                "view_day, path", "views = v.views + n.views");
    }

    @Override
    public void write(List<PageView> pageViews, List<AnonymousPageView> anonymous) {
        write(pageViews, anonymous, true);
    }

    @Override
    public void write(List<PageView> pageViews, List<AnonymousPageView> anonymous, boolean keepRawEvents) {
        checkColumns(pageViews, anonymous);
        if (pageViews.isEmpty() && anonymous.isEmpty()) {
            return;
        }
        Map<AnonymousDayKey, Long> anonymousCounts = anonymousCounts(anonymous);
        BatchMerge merge = new BatchMerge(pageViews);
        SortedSet<String> visitors = merge.visitors();
        boolean lockRows = database.writersLockRows();
        ReentrantLock turn = lockRows ? oneWriterAtATime : null;
        if (turn != null) {
            turn.lock();
        }
        try {
            writeInTransaction(keepRawEvents ? pageViews : List.of(), merge, lockRows ? visitors : new TreeSet<>(),
                    anonymousCounts);
        } finally {
            if (turn != null) {
                turn.unlock();
            }
        }
        // Once a day, after the batch is committed: the month that closed last, so no analyst waits for it.
        rollups.rollUpLastClosedMonth();
    }

    /**
     * Writes the batch; {@code rawEvents} are the page views kept as raw rows (none unless asked),
     * {@code lockedVisitors} the visitors whose lock rows it takes (none on embedded H2).
     */
    private void writeInTransaction(List<PageView> rawEvents, BatchMerge merge, SortedSet<String> lockedVisitors,
                                    Map<AnonymousDayKey, Long> anonymousCounts) {
        database.inWriterTransaction("write a batch of page views", connection -> {
            applySettings(connection);
            insertRaw(connection, rawEvents);
            visitorLocks.lock(connection, lockedVisitors);
            writeMerged(connection, merge, anonymousCounts);
            return null;
        });
    }

    /**
     * On PostgreSQL, writes the page views of the visitors no other writer holds now and returns the others: the
     * lock rows of new visitors (those this sink has not lately locked, {@link KnownLockRows}; none in most batches
     * of returning visitors) are inserted first in a short transaction of their own, then the batch's transaction
     * locks the rows that are free ({@code SKIP LOCKED}) and writes those visitors' page views, with every
     * anonymous one. Elsewhere (H2, where the writers take turns anyway) it writes everything.
     */
    @Override
    public List<PageView> writeOrDefer(List<PageView> pageViews, List<AnonymousPageView> anonymous,
                                       boolean keepRawEvents) {
        if (!database.writersLockRows() || oneWriterAtATime != null || pageViews.isEmpty()) {
            write(pageViews, anonymous, keepRawEvents);
            return List.of();
        }
        checkColumns(pageViews, anonymous);
        Map<AnonymousDayKey, Long> anonymousCounts = anonymousCounts(anonymous);
        SortedSet<String> visitors = new TreeSet<>();
        pageViews.forEach(view -> visitors.add(view.visitorKey()));
        SortedSet<String> unknown = knownLockRows.unknown(visitors);
        if (!unknown.isEmpty()) {
            // With the analytics commit settings: a lock row lost in a crash is inserted again by the next batch.
            database.inTransaction("insert the lock rows of new visitors", connection -> {
                applySettings(connection);
                visitorLocks.insertMissing(connection, unknown);
                return null;
            });
        }
        List<PageView> deferred = database.inWriterTransaction("write a batch of page views", connection -> {
            applySettings(connection);
            Set<String> held = visitorLocks.lockAvailable(connection, visitors);
            List<PageView> available = new ArrayList<>();
            List<PageView> later = new ArrayList<>();
            pageViews.forEach(view -> (held.contains(view.visitorKey()) ? available : later).add(view));
            // Not found free: held by another writer, or deleted since it was remembered; the next batch inserts
            // its row if it is missing.
            knownLockRows.settle(visitors, held);
            insertRaw(connection, keepRawEvents ? available : List.of());
            writeMerged(connection, new BatchMerge(available), anonymousCounts);
            return later;
        });
        rollups.rollUpLastClosedMonth();
        return deferred;
    }

    /** Refuses a batch with a null page view or a value longer than its column, before anything is written. */
    private static void checkColumns(List<PageView> pageViews, List<AnonymousPageView> anonymous) {
        pageViews.forEach(view -> ColumnLimits.check(Objects.requireNonNull(view, "page view")));
        anonymous.forEach(view -> ColumnLimits.check(Objects.requireNonNull(view, "anonymous page view")));
    }

    private static Map<AnonymousDayKey, Long> anonymousCounts(List<AnonymousPageView> anonymous) {
        Map<AnonymousDayKey, Long> counts = new TreeMap<>();
        for (AnonymousPageView view : anonymous) {
            counts.merge(new AnonymousDayKey(Times.utcDay(view.at()), view.path()), 1L, Long::sum);
        }
        return counts;
    }

    /** Writes a batch whose visitors are locked: reads their state, merges, and writes every change. */
    private void writeMerged(Connection connection, BatchMerge merge, Map<AnonymousDayKey, Long> anonymousCounts)
            throws SQLException {
        Map<VisitId, VisitPages> storedPages = new HashMap<>();
        merge.storedVisits(readVisits(connection, selectVisits, VISIT_KEYS, merge.visits(), storedPages),
                storedPages);
        merge.movedPages(readVisitPages(connection, merge.movedAndSpilled()));
        Map<String, VisitorChains> storedChains = readChains(connection, merge.visitors());
        merge.storedEarliest(earliest(storedChains, merge.touchedDays()));
        merge.rescanned(readVisitsOfDays(connection, merge.daysToRescan()));
        BatchMerge.Result result = merge.result();
        List<ChainDay> changedDays = result.chains().changed();
        Map<ChainDay, ChainDay.Stored> storedDays = new HashMap<>();
        changedDays.forEach(day -> storedDays.put(day,
                storedChains.get(day.visitorKey()).get(day.metric(), day.item()).at(day.day())));
        Map<VisitorDay, VisitorDay.Earliest> neighbours = earliest(storedChains,
                result.chains().neighbours(Metric.VISITORS, storedDays));
        ChainChanges.Rows chains = result.chains().apply(storedDays, result.counts(), result.touched(),
                neighbours);
        writeVisits(connection, result.visits(), result.rowPages(), merge);
        writeVisitPages(connection, result.spilled(), merge);
        writeChains(connection, storedChains, chains, result.earliestWrites(), result.earliestDeletes());
        // Sorted once, for the day rows and the month rows alike.
        SortedMap<DayCounts.DayKey, Long> dayChanges = result.counts().days();
        SortedMap<DayCounts.RepeatKey, Long> repeatChanges = result.counts().repeats();
        DayCounts.addCounts(connection, upsertDayCount, dayChanges);
        DayCounts.addRepeats(connection, upsertDayRepeat, repeatChanges);
        upsertAnonymous(connection, anonymousCounts);
        Map<LocalDate, Long> anonymousByDay = new HashMap<>();
        anonymousCounts.forEach((key, views) -> anonymousByDay.merge(key.day(), views, Long::sum));
        rollups.applyToRolledUpMonths(connection, dayChanges, repeatChanges, anonymousByDay);
    }

    /**
     * Deletes in transactions of at most {@link #DELETE_CHUNK} rows, oldest first, so that purging months
     * of raw events neither holds one huge transaction nor blocks writers for long.
     */
    @Override
    public long deleteRawEventsBefore(Instant before) {
        Objects.requireNonNull(before, "before");
        return rawRetention.deleteBefore(database, ChunkedDelete.timestamp(before));
    }

    private void applySettings(Connection connection) throws SQLException {
        if (analyticsSettings.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String setting : analyticsSettings) {
                statement.execute(setting);
            }
        }
    }

    private static <K> PreparedStatement keyed(Connection connection, String sql, KeyList<K> keys, List<K> values)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        try {
            keys.bind(connection, select, 1, values);
            return select;
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
    }

    /** Reads one result row into the map being built. */
    @FunctionalInterface
    private interface RowInto<M> {
        void read(ResultSet row, M into) throws SQLException;
    }

    /** Runs {@code sql} for the keys of {@code values} (none: no query) and reads every row into {@code into}. */
    private static <K, M> M readKeyed(Connection connection, String sql, KeyList<K> keys, List<K> values, M into,
                                      RowInto<M> row) throws SQLException {
        if (values.isEmpty()) {
            return into;
        }
        try (PreparedStatement select = keyed(connection, sql, keys, values);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                row.read(rows, into);
            }
        }
        return into;
    }

    /**
     * The stored rows of {@code ids} (by visit) or of the visits starting on {@code days}; with {@code pages}
     * not null, the query also selects the paths each row holds, which go there.
     */
    private static <K> Map<VisitId, VisitRollup> readVisits(Connection connection, String sql, KeyList<K> keys,
                                                           List<K> values, Map<VisitId, VisitPages> pages)
            throws SQLException {
        return readKeyed(connection, sql, keys, values, new HashMap<VisitId, VisitRollup>(), (rows, visits) -> {
            VisitId id = new VisitId(rows.getString(1), rows.getInt(2));
            visits.put(id, new VisitRollup(id, rows.getLong(4), rows.getLong(5), rows.getLong(6),
                    rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                    rows.getString(11)));
            if (pages != null) {
                pages.put(id, VisitPages.decode(rows.getString(12), rows.getBoolean(13)));
            }
        });
    }

    private Map<VisitId, Map<String, Long>> readVisitPages(Connection connection, List<VisitId> ids)
            throws SQLException {
        return readKeyed(connection, selectVisitPages, VISIT_KEYS, ids, new HashMap<VisitId, Map<String, Long>>(),
                (rows, pages) -> pages.computeIfAbsent(new VisitId(rows.getString(1), rows.getInt(2)),
                        id -> new HashMap<>()).put(rows.getString(3), rows.getLong(4)));
    }

    /** The stored earliest visit of each of {@code days} that has one, from its visitor's chain rows. */
    private static Map<VisitorDay, VisitorDay.Earliest> earliest(Map<String, VisitorChains> chains,
                                                                 List<VisitorDay> days) {
        Map<VisitorDay, VisitorDay.Earliest> earliest = new HashMap<>();
        for (VisitorDay day : days) {
            VisitorDay.Earliest stored = chains.get(day.visitorKey()).earliest(day.day());
            if (stored != null) {
                earliest.put(day, stored);
            }
        }
        return earliest;
    }

    /** The stored visits of each of {@code days}: rare, only for days whose earliest visit moves away. */
    private Map<VisitorDay, List<VisitRollup>> readVisitsOfDays(Connection connection, List<VisitorDay> days)
            throws SQLException {
        Map<VisitorDay, List<VisitRollup>> visits = new HashMap<>();
        days.forEach(day -> visits.put(day, new ArrayList<>()));
        readVisits(connection, selectVisitsOfDays, DAY_KEYS, days, null).values().forEach(visit ->
                visits.get(new VisitorDay(visit.id().visitorKey(), visit.startDay())).add(visit));
        return visits;
    }

    /**
     * The stored rows of {@code crumb_visitor_chains} of {@code visitors} (all their rows: every chain with its
     * days and weights, and every visitor-day's earliest visit); a visitor without rows gets an empty
     * {@link VisitorChains}.
     */
    private Map<String, VisitorChains> readChains(Connection connection, SortedSet<String> visitors)
            throws SQLException {
        Map<String, VisitorChains> chains = new HashMap<>();
        visitors.forEach(visitor -> chains.put(visitor, new VisitorChains(visitor, chainCapacity)));
        return readKeyed(connection, selectChains, KeyList.VISITOR_KEYS, new ArrayList<>(visitors), chains,
                (rows, stored) -> stored.get(rows.getString(1)).addStored(rows.getInt(2), rows.getString(3)));
    }

    /**
     * Writes the chains and the visitor-days' earliest visits the batch changes: each visitor's changed rows of
     * {@code crumb_visitor_chains} ({@link VisitorChains}) are inserted, updated, or deleted when they hold
     * nothing any more; in key order, like every other write of the batch.
     */
    private void writeChains(Connection connection, Map<String, VisitorChains> stored, ChainChanges.Rows rows,
                             SortedMap<VisitorDay, VisitorDay.Earliest> earliestWrites,
                             SortedSet<VisitorDay> earliestDeletes) throws SQLException {
        // By chain (each visitor's rows are written in key order below), each chain's days in day order.
        Map<ChainDay.Chain, SortedMap<LocalDate, Long>> weights = new HashMap<>();
        rows.inserts().forEach((day, weight) -> weights.computeIfAbsent(day.chain(), c -> new TreeMap<>())
                .put(day.day(), weight));
        rows.updates().forEach((day, weight) -> weights.computeIfAbsent(day.chain(), c -> new TreeMap<>())
                .put(day.day(), weight));
        rows.deletes().forEach(day -> weights.computeIfAbsent(day.chain(), c -> new TreeMap<>()).put(day.day(), 0L));
        weights.forEach((chain, days) -> {
            VisitorChains chains = stored.get(chain.visitorKey());
            chains.put(chain.metric(), chain.item(), chains.get(chain.metric(), chain.item()).with(days));
        });
        earliestWrites.forEach((day, earliest) -> stored.get(day.visitorKey()).putEarliest(day.day(), earliest));
        earliestDeletes.forEach(day -> stored.get(day.visitorKey()).putEarliest(day.day(), null));
        SortedSet<String> visitors = new TreeSet<>();
        stored.forEach((visitor, chains) -> {
            if (chains.isChanged()) {
                visitors.add(visitor);
            }
        });
        if (visitors.isEmpty()) {
            return;
        }
        try (InsertOrUpdate upserts = new InsertOrUpdate(connection, "INSERT INTO crumb_visitor_chains (visitor_key,"
                + " part, first_day, chains) VALUES (?, ?, ?, ?)", VisitorChains.UPDATE_ROW);
             PreparedStatement delete = connection.prepareStatement(VisitorChains.DELETE_ROW)) {
            int deletes = 0;
            for (String visitor : visitors) {
                for (VisitorChains.Row row : stored.get(visitor).changedRows()) {
                    if (row.isDelete()) {
                        if (row.stored()) {
                            row.bindKey(delete, 1);
                            delete.addBatch();
                            deletes++;
                        }
                        continue;
                    }
                    PreparedStatement statement = upserts.statementFor(row.stored());
                    row.bind(statement, row.stored());
                    statement.addBatch();
                }
            }
            upserts.execute();
            if (deletes > 0) {
                delete.executeBatch();
            }
        }
    }

    private static String prefixed(String alias, String columns) {
        return alias + String.join(", " + alias, columns.split(",\\s*"));
    }

    private void insertRaw(Connection connection, List<PageView> pageViews) throws SQLException {
        if (pageViews.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RAW)) {
            for (PageView view : pageViews) {
                insert.setObject(1, Times.column(view.at()));
                insert.setString(2, view.visitorKey());
                insert.setInt(3, view.visit());
                insert.setString(4, view.path());
                insert.setString(5, view.country());
                insert.setString(6, view.language());
                if (view.referrerHost() == null) {
                    insert.setNull(7, Types.VARCHAR);
                } else {
                    insert.setString(7, view.referrerHost());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Inserts the batch's new visits and updates the others: whether each exists is known under the lock. */
    private void writeVisits(Connection connection, List<VisitRollup> visits, Map<VisitId, VisitPages> pages,
                             BatchMerge merge) throws SQLException {
        try (InsertOrUpdate rows = new InsertOrUpdate(connection, insertVisit, updateVisit)) {
            for (VisitRollup visit : visits) {
                boolean stored = merge.isStored(visit.id());
                PreparedStatement statement = rows.statementFor(stored);
                int key = stored ? 12 : 1;
                int value = stored ? 1 : 3;
                statement.setString(key, visit.id().visitorKey());
                statement.setInt(key + 1, visit.id().visit());
                statement.setObject(value, visit.startDay());
                statement.setLong(value + 1, visit.firstMs());
                statement.setLong(value + 2, visit.lastMs());
                statement.setLong(value + 3, visit.pageviews());
                statement.setString(value + 4, visit.entryPath());
                statement.setString(value + 5, visit.entryReferrer());
                statement.setString(value + 6, visit.entryCountry());
                statement.setString(value + 7, visit.entryLanguage());
                statement.setString(value + 8, visit.exitPath());
                VisitPages rowPages = pages.get(visit.id());
                statement.setString(value + 9, rowPages.encoded());
                statement.setBoolean(value + 10, rowPages.spilled());
                statement.addBatch();
            }
            rows.execute();
        }
    }

    /**
     * Page counts of paths that did not fit in their visit's row: those of new visits are inserted, those of
     * stored visits may exist already and are upserted. Usually there are none.
     */
    private void writeVisitPages(Connection connection, Map<BatchMerge.VisitPage, Long> counts, BatchMerge merge)
            throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crumb_visit_page (visitor_key,"
                + " visit_number, path, views) VALUES (?, ?, ?, ?)");
             PreparedStatement upsert = connection.prepareStatement(upsertVisitPage)) {
            int inserts = 0;
            int upserts = 0;
            for (Map.Entry<BatchMerge.VisitPage, Long> count : counts.entrySet()) {
                boolean stored = merge.isStored(count.getKey().visit());
                PreparedStatement statement = stored ? upsert : insert;
                statement.setString(1, count.getKey().visitorKey());
                statement.setInt(2, count.getKey().visitNumber());
                statement.setString(3, count.getKey().path());
                statement.setLong(4, count.getValue());
                statement.addBatch();
                inserts += stored ? 0 : 1;
                upserts += stored ? 1 : 0;
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (upserts > 0) {
                upsert.executeBatch();
            }
        }
    }

    private void upsertAnonymous(Connection connection, Map<AnonymousDayKey, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(upsertAnonymous)) {
            for (Map.Entry<AnonymousDayKey, Long> count : counts.entrySet()) {
                upsert.setObject(1, count.getKey().day());
                upsert.setString(2, count.getKey().path());
                upsert.setLong(3, count.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The key of an anonymous daily count. */
    private record AnonymousDayKey(LocalDate day, String path) implements Comparable<AnonymousDayKey> {
        @Override
        public int compareTo(AnonymousDayKey other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : path.compareTo(other.path);
        }
    }

    /**
     * An insert and an update of the same table, batched apart: under the visitor lock the writer knows
     * which rows exist, so it needs no upsert. Each batch runs only when it received a row.
     */
    private static final class InsertOrUpdate implements AutoCloseable {
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private int inserts;
        private int updates;

        InsertOrUpdate(Connection connection, String insertSql, String updateSql) throws SQLException {
            this.insert = connection.prepareStatement(insertSql);
            try {
                this.update = connection.prepareStatement(updateSql);
            } catch (SQLException e) {
                insert.close();
                throw e;
            }
        }

        /** The statement for the next row: the update when the row is stored, else the insert. */
        PreparedStatement statementFor(boolean stored) {
            if (stored) {
                updates++;
                return update;
            }
            inserts++;
            return insert;
        }

        void execute() throws SQLException {
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                insert.close();
            } finally {
                update.close();
            }
        }
    }
}
