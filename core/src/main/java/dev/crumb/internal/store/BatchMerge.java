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
 *   <li>{@link #storedVisits}: the stored rows of the batch's visits (absent for new visits), with the
 *       paths their rows hold ({@link VisitPages});</li>
 *   <li>{@link #movedPages}: the paths in {@code crumb_visit_page} of the visits the batch moves to an
 *       earlier day (a late page view from before midnight) whose rows could not hold all their paths —
 *       rare twice over, usually empty;</li>
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
    private Map<VisitId, VisitPages> storedPages = Map.of();
    private Map<VisitId, Map<String, Long>> movedPages = Map.of();
    private Map<VisitorDay, VisitorDay.Earliest> storedEarliest = Map.of();
    private Map<VisitorDay, List<VisitRollup>> rescanned = Map.of();

    BatchMerge(List<PageView> pageViews) {
        // Merged by hash, then sorted once: a batch of 5 000 page views has far fewer visits and paths, and sorted
        // maps compared the keys' strings a dozen times per page view (a fifth of the writer's time with returning
        // visitors). Each key's values are merged in the batch's order either way.
        Map<VisitId, VisitRollup> visits = new HashMap<>();
        Map<VisitPage, Long> pages = new HashMap<>();
        for (PageView view : pageViews) {
            visits.merge(new VisitId(view.visitorKey(), view.visit()), VisitRollup.of(view), VisitRollup::merge);
            pages.merge(new VisitPage(view.visitorKey(), view.visit(), view.path()), 1L, Long::sum);
        }
        batch.putAll(visits);
        batchPages.putAll(pages);
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

    /** Stage 1: the stored rows of the batch's visits, and the paths those rows hold. */
    void storedVisits(Map<VisitId, VisitRollup> rows, Map<VisitId, VisitPages> pages) {
        this.stored = rows;
        this.storedPages = pages;
        batch.forEach((id, visit) -> merged.put(id, rows.containsKey(id) ? rows.get(id).merge(visit) : visit));
    }

    /** Whether the batch's visit {@code id} was stored before the batch. */
    boolean isStored(VisitId id) {
        return stored.containsKey(id);
    }

    /**
     * The visits whose day the batch changes and whose rows do not hold all their paths, in key order: their
     * other paths must be read from {@code crumb_visit_page}.
     */
    List<VisitId> movedAndSpilled() {
        List<VisitId> moved = new ArrayList<>();
        merged.forEach((id, visit) -> {
            if (isMoved(id, visit) && storedPages.getOrDefault(id, VisitPages.NONE).spilled()) {
                moved.add(id);
            }
        });
        return moved;
    }

    private boolean isMoved(VisitId id, VisitRollup visit) {
        return stored.containsKey(id) && !stored.get(id).startDay().equals(visit.startDay());
    }

    /**
     * Stage 2: the page views per path in {@code crumb_visit_page} of the {@link #movedAndSpilled} visits.
     * With the paths of their rows, they are all the stored page views of every moved visit.
     */
    void movedPages(Map<VisitId, Map<String, Long>> spilledPages) {
        Map<VisitId, Map<String, Long>> pages = new HashMap<>();
        merged.forEach((id, visit) -> {
            if (isMoved(id, visit)) {
                Map<String, Long> all = new HashMap<>(storedPages.getOrDefault(id, VisitPages.NONE).views());
                spilledPages.getOrDefault(id, Map.of()).forEach((path, views) -> all.merge(path, views, Long::sum));
                pages.put(id, all);
            }
        });
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

    /**
     * What to write: the merged visits with the paths their rows hold, the page counts to add to
     * {@code crumb_visit_page}, and every aggregate and state change.
     */
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
        Map<VisitId, VisitPages> rowPages = new HashMap<>();
        SortedMap<VisitPage, Long> spilled = new TreeMap<>();
        splitPages(rowPages, spilled);
        return new Result(new ArrayList<>(merged.values()), rowPages, spilled, counts, chains,
                new DayAttributes(storedEarliest, after), earliestWrites, earliestDeletes);
    }

    /**
     * Adds the batch's page views to the paths of each visit's row, into {@code rowPages}; the paths that do
     * not fit go to {@code spilled}, the counts to add to {@code crumb_visit_page}.
     */
    private void splitPages(Map<VisitId, VisitPages> rowPages, SortedMap<VisitPage, Long> spilled) {
        Map<VisitId, SortedMap<String, Long>> byVisit = new HashMap<>();
        batchPages.forEach((page, views) -> byVisit.computeIfAbsent(page.visit(), id -> new TreeMap<>())
                .put(page.path(), views));
        byVisit.forEach((id, views) -> {
            Map<String, Long> spill = new TreeMap<>();
            rowPages.put(id, storedPages.getOrDefault(id, VisitPages.NONE).plus(views, spill));
            spill.forEach((path, count) -> spilled.put(new VisitPage(id.visitorKey(), id.visit(), path), count));
        });
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

    /** The page views of one path in one visit, ordered like the key of {@code crumb_visit_page}. */
    record VisitPage(String visitorKey, int visitNumber, String path) implements Comparable<VisitPage> {
        VisitId visit() {
            return new VisitId(visitorKey, visitNumber);
        }

        /** By visit (as {@link VisitId}), then path. Hand-written, as are equals and hashCode: see {@link ChainDay#compareTo}. */
        @Override
        public int compareTo(VisitPage other) {
            int order = visitorKey.compareTo(other.visitorKey);
            if (order == 0) {
                order = Integer.compare(visitNumber, other.visitNumber);
            }
            return order != 0 ? order : path.compareTo(other.path);
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof VisitPage that && visitNumber == that.visitNumber
                    && visitorKey.equals(that.visitorKey) && path.equals(that.path);
        }

        @Override
        public int hashCode() {
            return (visitorKey.hashCode() * 31 + visitNumber) * 31 + path.hashCode();
        }
    }

    /**
     * The outcome of a batch: the visit rows to write with the paths each row holds, the page counts to add
     * to {@code crumb_visit_page} (paths that did not fit in their rows), the differences of the daily
     * aggregates that do not depend on chains, the chain changes, and the earliest visits of visitor-days to
     * write or delete.
     */
    record Result(List<VisitRollup> visits, Map<VisitId, VisitPages> rowPages, SortedMap<VisitPage, Long> spilled,
                  DayCounts counts,
                  ChainChanges chains, DayAttributes touched,
                  SortedMap<VisitorDay, VisitorDay.Earliest> earliestWrites,
                  SortedSet<VisitorDay> earliestDeletes) {}
}
