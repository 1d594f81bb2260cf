package dev.crumb.internal.store;

import dev.crumb.store.PageView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one batch of page views changes, computed from the little that is stored about the batch's own
 * visits and visitor-days — never from a visitor's whole history. The writer feeds it in stages, each
 * read asking only for what the previous stage found it needs:
 *
 * <ol>
 *   <li>{@link #storedVisits}: the stored rows of the batch's visits (absent for new visits);</li>
 *   <li>{@link #movedPages}: the stored paths of the visits the batch moves to an earlier day (a late page
 *       view from before midnight) — rare, usually empty;</li>
 *   <li>{@link #storedEarliest}: the earliest visit of each visitor-day the batch touches;</li>
 *   <li>{@link #rescanned}: the visits of a visitor-day whose earliest visit the batch moves away — rare;</li>
 * </ol>
 *
 * then {@link #result} gives the aggregate differences (additive ones directly, distinct ones as changes to
 * the visitor-day chains) and the rows to write. All of it is a function of the stored state and the batch,
 * under the visitors' locks, so the aggregates depend only on which page views were written.
 */
final class BatchMerge {
    private final SortedMap<VisitId, VisitRollup> batch = new TreeMap<>();
    private final SortedMap<VisitPage, Long> batchPages = new TreeMap<>();
    private final SortedMap<VisitId, VisitRollup> merged = new TreeMap<>();
    private Map<VisitId, VisitRollup> stored = Map.of();
    private Map<VisitId, Map<String, Long>> movedPages = Map.of();
    private Map<VisitorDay, VisitorDay.Earliest> storedEarliest = Map.of();
    private Map<VisitorDay, List<VisitRollup>> rescanned = Map.of();

    BatchMerge(List<PageView> pageViews) {
        for (PageView view : pageViews) {
            batch.merge(new VisitId(view.visitorKey(), view.visit()), VisitRollup.of(view), VisitRollup::merge);
            batchPages.merge(new VisitPage(view.visitorKey(), view.visit(), view.path()), 1L, Long::sum);
        }
    }

    /** The batch's visitors, in key order (the order they are locked in). */
    SortedSet<String> visitors() {
        SortedSet<String> visitors = new TreeSet<>();
        batch.keySet().forEach(id -> visitors.add(id.visitorKey()));
        return visitors;
    }

    /** The batch's visits, in key order. */
    List<VisitId> visits() {
        return new ArrayList<>(batch.keySet());
    }

    /** Stage 1: the stored rows of the batch's visits. */
    void storedVisits(Map<VisitId, VisitRollup> rows) {
        this.stored = rows;
        batch.forEach((id, visit) -> merged.put(id, rows.containsKey(id) ? rows.get(id).merge(visit) : visit));
    }

    /** Whether the batch's visit {@code id} was stored before the batch. */
    boolean isStored(VisitId id) {
        return stored.containsKey(id);
    }

    /** The visits whose day the batch changes, in key order. */
    List<VisitId> moved() {
        List<VisitId> moved = new ArrayList<>();
        merged.forEach((id, visit) -> {
            if (stored.containsKey(id) && !stored.get(id).startDay().equals(visit.startDay())) {
                moved.add(id);
            }
        });
        return moved;
    }

    /** Stage 2: the stored page views per path of the {@link #moved} visits. */
    void movedPages(Map<VisitId, Map<String, Long>> pages) {
        this.movedPages = pages;
    }

    /** The visitor-days whose visits the batch changes: each visit's day, and the old day of a moved one. */
    List<VisitorDay> touchedDays() {
        SortedSet<VisitorDay> days = new TreeSet<>();
        merged.forEach((id, visit) -> {
            days.add(new VisitorDay(id.visitorKey(), visit.startDay()));
            if (stored.containsKey(id)) {
                days.add(new VisitorDay(id.visitorKey(), stored.get(id).startDay()));
            }
        });
        return new ArrayList<>(days);
    }

    /** Stage 3: the stored earliest visit of each {@link #touchedDays touched} visitor-day that has one. */
    void storedEarliest(Map<VisitorDay, VisitorDay.Earliest> rows) {
        this.storedEarliest = rows;
    }

    /** The visitor-days whose earliest visit the batch moves to another day: their next earliest is unknown. */
    List<VisitorDay> daysToRescan() {
        List<VisitorDay> days = new ArrayList<>();
        new TreeMap<>(storedEarliest).forEach((day, earliest) -> {
            VisitRollup visit = merged.get(new VisitId(day.visitorKey(), earliest.visit()));
            if (visit != null && !visit.startDay().equals(day.day())) {
                days.add(day);
            }
        });
        return days;
    }

    /** Stage 4: the stored visits of each visitor-day of {@link #daysToRescan} (an empty list for none). */
    void rescanned(Map<VisitorDay, List<VisitRollup>> visits) {
        this.rescanned = visits;
    }

    /** What to write: the merged visits, the page counts to add, and every aggregate and state change. */
    Result result() {
        DayCounts counts = new DayCounts();
        ChainChanges chains = new ChainChanges();
        Map<VisitorDay, List<VisitRollup>> mergedByDay = new HashMap<>();
        merged.forEach((id, visit) -> {
            VisitRollup old = stored.get(id);
            LocalDate day = visit.startDay();
            mergedByDay.computeIfAbsent(new VisitorDay(id.visitorKey(), day), d -> new ArrayList<>()).add(visit);
            if (old != null) {
                addVisit(counts, old, -1);
            }
            addVisit(counts, visit, 1);
            if (old == null || !old.startDay().equals(day)) {
                moveVisitorDay(chains, id, old == null ? null : old.startDay(), day);
            }
            if (old != null && !old.startDay().equals(day)) {
                movedPages.getOrDefault(id, Map.of()).forEach((path, views) -> {
                    counts.add(old.startDay(), Metric.PAGE_VIEWS, path, -views);
                    counts.add(day, Metric.PAGE_VIEWS, path, views);
                    chains.add(id.visitorKey(), Metric.PAGE_VISITORS, path, old.startDay(), -views);
                    chains.add(id.visitorKey(), Metric.PAGE_VISITORS, path, day, views);
                });
            }
        });
        batchPages.forEach((page, views) -> {
            LocalDate day = merged.get(page.visit()).startDay();
            counts.add(day, Metric.PAGE_VIEWS, page.path(), views);
            chains.add(page.visitorKey(), Metric.PAGE_VISITORS, page.path(), day, views);
        });
        Map<VisitorDay, VisitorDay.Earliest> after = new HashMap<>();
        SortedMap<VisitorDay, VisitorDay.Earliest> earliestWrites = new TreeMap<>();
        SortedSet<VisitorDay> earliestDeletes = new TreeSet<>();
        for (VisitorDay day : touchedDays()) {
            VisitorDay.Earliest old = storedEarliest.get(day);
            VisitorDay.Earliest now = earliestAfter(day, old, mergedByDay.getOrDefault(day, List.of()));
            if (now != null) {
                after.put(day, now);
            }
            if (Objects.equals(old, now)) {
                continue;
            }
            if (now == null) {
                earliestDeletes.add(day);
            } else {
                earliestWrites.put(day, now);
            }
            if (old != null && now != null && !(old.country().equals(now.country())
                    && old.language().equals(now.language()))) {
                // The day stays in the visitor's chain but counts under another country or language.
                chains.touch(day.visitorKey(), Metric.VISITORS, "", day.day());
            }
        }
        return new Result(new ArrayList<>(merged.values()), batchPages, counts, chains,
                new DayAttributes(storedEarliest, after), earliestWrites, earliestDeletes);
    }

    /** The earliest visit of {@code day} after the batch, or {@code null} when no visit starts on it any more. */
    private VisitorDay.Earliest earliestAfter(VisitorDay day, VisitorDay.Earliest old, List<VisitRollup> onDay) {
        VisitorDay.Earliest now = null;
        if (old != null) {
            if (!merged.containsKey(new VisitId(day.visitorKey(), old.visit()))) {
                now = old;
            } else if (rescanned.containsKey(day)) {
                for (VisitRollup visit : rescanned.get(day)) {
                    if (!merged.containsKey(visit.id())) {
                        now = VisitorDay.Earliest.of(visit).earlier(now);
                    }
                }
            }
        }
        for (VisitRollup visit : onDay) {
            now = VisitorDay.Earliest.of(visit).earlier(now);
        }
        return now;
    }

    /** A visit that is new ({@code from} null) or moved from {@code from} to {@code to}. */
    private static void moveVisitorDay(ChainChanges chains, VisitId id, LocalDate from, LocalDate to) {
        int returning = id.visit() > 1 ? 1 : 0;
        if (from != null) {
            chains.add(id.visitorKey(), Metric.VISITORS, "", from, -1);
            chains.add(id.visitorKey(), Metric.RETURNING, "", from, -returning);
        }
        chains.add(id.visitorKey(), Metric.VISITORS, "", to, 1);
        chains.add(id.visitorKey(), Metric.RETURNING, "", to, returning);
    }

    /** The additive amounts of one visit, on the day it belongs to, times {@code sign}. */
    private static void addVisit(DayCounts counts, VisitRollup visit, int sign) {
        LocalDate day = visit.startDay();
        counts.add(day, Metric.VISITS, "", sign);
        counts.add(day, Metric.FIRST_VISITS, "", visit.id().visit() == 1 ? sign : 0);
        counts.add(day, Metric.PAGEVIEWS, "", sign * visit.pageviews());
        counts.add(day, Metric.BOUNCES, "", visit.pageviews() == 1 ? sign : 0);
        counts.add(day, Metric.DURATION, "", sign * (visit.lastMs() - visit.firstMs()));
        counts.add(day, Metric.ENTRY, visit.entryPath(), sign);
        counts.add(day, Metric.EXIT, visit.exitPath(), sign);
        if (!visit.entryReferrer().isEmpty()) {
            counts.add(day, Metric.REFERRER, visit.entryReferrer(), sign);
        }
    }

    /** The page views of one path in one visit: a row of {@code crumb_visit_page}, ordered like its key. */
    record VisitPage(String visitorKey, int visitNumber, String path) implements Comparable<VisitPage> {
        VisitId visit() {
            return new VisitId(visitorKey, visitNumber);
        }

        @Override
        public int compareTo(VisitPage other) {
            int byVisit = visit().compareTo(other.visit());
            return byVisit != 0 ? byVisit : path.compareTo(other.path);
        }
    }

    /**
     * The outcome of a batch: the visit rows to write, the page counts to add to {@code crumb_visit_page},
     * the differences of the daily aggregates that do not depend on chains, the chain changes, and the
     * earliest visits of visitor-days to write or delete.
     */
    record Result(List<VisitRollup> visits, SortedMap<VisitPage, Long> pages, DayCounts counts,
                  ChainChanges chains, DayAttributes touched,
                  SortedMap<VisitorDay, VisitorDay.Earliest> earliestWrites,
                  SortedSet<VisitorDay> earliestDeletes) {}
}
