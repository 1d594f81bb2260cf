package dev.crumb.internal.store;

import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.DateRange;
import dev.crumb.store.PageView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The summary computed straight from the definitions in {@code docs/analytics.md}, over every page view:
 * group into visits, order each visit's page views, keep the visits that start in range, count. Slow
 * and obvious on purpose; it is the reference for the SQL stores.
 */
final class BruteForceSummary {
    /** The order of page views within a visit: time (ms), path, referrer (none first), country, language. */
    static final Comparator<PageView> WITHIN_VISIT = Comparator.<PageView>comparingLong(v -> v.at().toEpochMilli())
            .thenComparing(PageView::path)
            .thenComparing(BruteForceSummary::referrer)
            .thenComparing(PageView::country)
            .thenComparing(PageView::language);

    private final DateRange range;
    private final List<Visit> visits;
    private final long anonymousPageviews;

    BruteForceSummary(DateRange range, List<PageView> pageViews, List<AnonymousPageView> anonymous) {
        this.range = range;
        Map<VisitId, List<PageView>> byVisit = pageViews.stream()
                .collect(Collectors.groupingBy(v -> new VisitId(v.visitorKey(), v.visit())));
        this.visits = byVisit.entrySet().stream()
                .map(e -> new Visit(e.getKey(), e.getValue().stream().sorted(WITHIN_VISIT).toList()))
                .filter(visit -> range.contains(visit.day()))
                .toList();
        this.anonymousPageviews = anonymous.stream().filter(v -> range.contains(Times.utcDay(v.at()))).count();
    }

    AnalyticsSummary summary() {
        VisitTotals totals = new VisitTotals(
                distinctVisitors(visits),
                distinctVisitors(visits.stream().filter(v -> v.id().visit() == 1).toList()),
                distinctVisitors(visits.stream().filter(v -> v.id().visit() > 1).toList()),
                visits.size(),
                visits.stream().mapToLong(v -> v.views().size()).sum(),
                visits.stream().filter(v -> v.views().size() == 1).count(),
                visits.stream().mapToLong(Visit::durationMillis).sum());
        List<Visit> firstVisits = firstVisitOfEachVisitor();
        List<Visit> referred = visits.stream().filter(v -> !referrer(v.entry()).isEmpty()).toList();
        return new AnalyticsSummary(range.from(), range.to(), totals.visitors(), totals.newVisitors(),
                totals.returningVisitors(), totals.visits(), totals.pageviews(), anonymousPageviews,
                totals.bounceRate(), totals.avgVisitSeconds(), days(),
                SummaryLists.ranked(pages(), AnalyticsSummary.Page::pageviews, AnalyticsSummary.Page::path),
                ranked(visits, v -> v.entry().path(), AnalyticsSummary.PathVisits::new),
                ranked(visits, v -> v.exit().path(), AnalyticsSummary.PathVisits::new),
                ranked(firstVisits, v -> v.entry().country(), AnalyticsSummary.CountryVisitors::new),
                ranked(firstVisits, v -> v.entry().language(), AnalyticsSummary.LanguageVisitors::new),
                ranked(referred, v -> referrer(v.entry()), AnalyticsSummary.ReferrerVisits::new));
    }

    /** The visits counted per key, made into summary entries, ranked and cut. */
    private static <T> List<T> ranked(List<Visit> visits, Function<Visit, String> key,
                                      BiFunction<String, Long, T> entry) {
        List<Map.Entry<String, Long>> counts = new ArrayList<>(
                visits.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet());
        return SummaryLists.ranked(counts, Map.Entry::getValue, Map.Entry::getKey).stream()
                .map(e -> entry.apply(e.getKey(), e.getValue())).toList();
    }

    private List<AnalyticsSummary.Day> days() {
        Map<LocalDate, List<Visit>> byDay = visits.stream().collect(Collectors.groupingBy(Visit::day));
        Map<LocalDate, AnalyticsSummary.Day> known = new HashMap<>();
        byDay.forEach((day, dayVisits) -> known.put(day, new AnalyticsSummary.Day(day, distinctVisitors(dayVisits),
                dayVisits.size(), dayVisits.stream().mapToLong(v -> v.views().size()).sum())));
        return SummaryLists.everyDay(range, known);
    }

    private List<AnalyticsSummary.Page> pages() {
        Map<String, Long> views = new HashMap<>();
        Map<String, Set<String>> visitors = new HashMap<>();
        for (Visit visit : visits) {
            for (PageView view : visit.views()) {
                views.merge(view.path(), 1L, Long::sum);
                visitors.computeIfAbsent(view.path(), p -> new HashSet<>()).add(view.visitorKey());
            }
        }
        List<AnalyticsSummary.Page> pages = new ArrayList<>();
        views.forEach((path, n) -> pages.add(new AnalyticsSummary.Page(path, n, visitors.get(path).size())));
        return pages;
    }

    /** Each visitor's earliest visit in range, by start time and then visit number. */
    private List<Visit> firstVisitOfEachVisitor() {
        Map<String, Visit> first = new HashMap<>();
        Comparator<Visit> earliest = Comparator.comparingLong(Visit::firstMillis).thenComparingInt(v -> v.id().visit());
        for (Visit visit : visits) {
            first.merge(visit.id().visitorKey(), visit, (a, b) -> earliest.compare(a, b) <= 0 ? a : b);
        }
        return List.copyOf(first.values());
    }

    private static long distinctVisitors(List<Visit> visits) {
        return visits.stream().map(v -> v.id().visitorKey()).distinct().count();
    }

    static String referrer(PageView view) {
        return view.referrerHost() == null ? "" : view.referrerHost();
    }

    /** One visit with its page views in {@link #WITHIN_VISIT} order. */
    private record Visit(VisitId id, List<PageView> views) {
        PageView entry() {
            return views.get(0);
        }

        PageView exit() {
            return views.get(views.size() - 1);
        }

        long firstMillis() {
            return entry().at().toEpochMilli();
        }

        long durationMillis() {
            return exit().at().toEpochMilli() - firstMillis();
        }

        LocalDate day() {
            return Times.utcDay(firstMillis());
        }
    }
}
