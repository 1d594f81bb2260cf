package dev.crumb.internal.store;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything stored about one visitor's visits — the {@code crumb_visit} rows and the paths of each visit
 * from {@code crumb_visit_page} — and what it contributes to the daily aggregate tables. The contribution
 * is a pure function of this state, so a writer that holds the visitor's lock can subtract the old
 * contribution, merge a batch and add the new one: the aggregates then depend only on which page views
 * were written, never on their order or on which server wrote them.
 */
final class VisitorActivity {
    /** A visitor's earliest visit of a day, whose entry country and language count for that day. */
    private static final Comparator<VisitRollup> EARLIEST =
            Comparator.comparingLong(VisitRollup::firstMs).thenComparingInt(v -> v.id().visit());

    private final Map<Integer, VisitRollup> visits = new HashMap<>();
    private final Map<Integer, Map<String, Long>> pages = new HashMap<>();

    /** Adds a stored visit row, or merges more page views into the visit. */
    void mergeVisit(VisitRollup visit) {
        visits.merge(visit.id().visit(), visit, VisitRollup::merge);
    }

    /** Adds {@code views} page views of {@code path} to the visit with number {@code visit}. */
    void addPageViews(int visit, String path, long views) {
        pages.computeIfAbsent(visit, v -> new HashMap<>()).merge(path, views, Long::sum);
    }

    /** The stored state of the visit with number {@code visit}. */
    VisitRollup visit(int visit) {
        return visits.get(visit);
    }

    /** Adds this visitor's contribution to {@code counts}, times {@code sign} (+1 to add, −1 to take away). */
    void contributeTo(DayCounts counts, int sign) {
        NavigableMap<LocalDate, VisitRollup> earliestOfDay = new TreeMap<>();
        TreeSet<LocalDate> returningDays = new TreeSet<>();
        Map<String, TreeSet<LocalDate>> pageDays = new HashMap<>();
        for (VisitRollup visit : visits.values()) {
            LocalDate day = visit.startDay();
            addVisit(counts, sign, visit, day);
            earliestOfDay.merge(day, visit, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
            if (visit.id().visit() > 1) {
                returningDays.add(day);
            }
            pages.getOrDefault(visit.id().visit(), Map.of()).forEach((path, views) -> {
                counts.add(day, Metric.PAGE_VIEWS, path, sign * views);
                pageDays.computeIfAbsent(path, p -> new TreeSet<>()).add(day);
            });
        }
        LocalDate previous = null;
        for (Map.Entry<LocalDate, VisitRollup> day : earliestOfDay.entrySet()) {
            String country = day.getValue().entryCountry();
            String language = day.getValue().entryLanguage();
            counts.add(day.getKey(), Metric.VISITORS, "", sign);
            counts.add(day.getKey(), Metric.COUNTRY, country, sign);
            counts.add(day.getKey(), Metric.LANGUAGE, language, sign);
            if (previous != null) {
                counts.addRepeat(day.getKey(), previous, Metric.VISITORS, "", sign);
                counts.addRepeat(day.getKey(), previous, Metric.COUNTRY, country, sign);
                counts.addRepeat(day.getKey(), previous, Metric.LANGUAGE, language, sign);
            }
            previous = day.getKey();
        }
        addDayChain(counts, sign, returningDays, Metric.RETURNING, "");
        pageDays.forEach((path, days) -> addDayChain(counts, sign, days, Metric.PAGE_VISITORS, path));
    }

    private static void addVisit(DayCounts counts, int sign, VisitRollup visit, LocalDate day) {
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

    /** One visitor-day per day of {@code days}, and a repeat row linking each to the one before. */
    private static void addDayChain(DayCounts counts, int sign, TreeSet<LocalDate> days, Metric metric,
                                    String item) {
        LocalDate previous = null;
        for (LocalDate day : days) {
            counts.add(day, metric, item, sign);
            if (previous != null) {
                counts.addRepeat(day, previous, metric, item, sign);
            }
            previous = day;
        }
    }
}
