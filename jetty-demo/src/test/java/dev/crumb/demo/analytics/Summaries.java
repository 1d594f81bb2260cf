package dev.crumb.demo.analytics;

import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnalyticsSummary.CountryVisitors;
import dev.crumb.store.AnalyticsSummary.Day;
import dev.crumb.store.AnalyticsSummary.LanguageVisitors;
import dev.crumb.store.AnalyticsSummary.Page;
import dev.crumb.store.AnalyticsSummary.PathVisits;
import dev.crumb.store.AnalyticsSummary.ReferrerVisits;
import dev.crumb.store.PageView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * Summaries for tests of the dashboard. {@link #of} adds up seeded events roughly the way Crumb's
 * analytics will; it is a test fixture for realistic pictures, not a definition of the numbers.
 */
final class Summaries {

    private Summaries() {
    }

    /** A summary with the given days and nothing else. */
    static AnalyticsSummary withDays(List<Day> days) {
        LocalDate from = days.isEmpty() ? LocalDate.of(2026, 11, 1) : days.get(0).date();
        LocalDate to = days.isEmpty() ? from : days.get(days.size() - 1).date();
        long visitors = days.stream().mapToLong(Day::visitors).sum();
        long visits = days.stream().mapToLong(Day::visits).sum();
        long pageviews = days.stream().mapToLong(Day::pageviews).sum();
        return new AnalyticsSummary(from, to, visitors, visitors, 0, visits, pageviews, 0, 0.4, 95, days,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Adds up {@code events} for the days {@code from} to {@code to}. */
    static AnalyticsSummary of(DemoDataSeeder.Events events, LocalDate from, LocalDate to) {
        List<PageView> views = events.pageViews().stream()
                .filter(v -> !day(v).isBefore(from) && !day(v).isAfter(to)).toList();
        Map<String, List<PageView>> visits = views.stream()
                .collect(Collectors.groupingBy(v -> v.visitorKey() + "#" + v.visit(), HashMap::new, Collectors.toList()));
        Set<String> visitors = views.stream().map(PageView::visitorKey).collect(Collectors.toSet());
        Set<String> returning = new HashSet<>();
        visits.values().forEach(visit -> {
            if (visit.get(0).visit() > 1) {
                returning.add(visit.get(0).visitorKey());
            }
        });
        long bounces = visits.values().stream().filter(v -> v.size() == 1).count();
        double seconds = visits.values().stream()
                .mapToLong(v -> ChronoUnit.SECONDS.between(v.get(0).at(), v.get(v.size() - 1).at())).average().orElse(0);

        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate date = d;
            List<PageView> ofDay = views.stream().filter(v -> day(v).equals(date)).toList();
            days.add(new Day(date, ofDay.stream().map(PageView::visitorKey).distinct().count(),
                    ofDay.stream().map(v -> v.visitorKey() + "#" + v.visit()).distinct().count(), ofDay.size()));
        }
        List<Page> pages = views.stream().collect(Collectors.groupingBy(PageView::path)).entrySet().stream()
                .map(e -> new Page(e.getKey(), e.getValue().size(),
                        e.getValue().stream().map(PageView::visitorKey).distinct().count()))
                .sorted(Comparator.comparingLong(Page::pageviews).reversed().thenComparing(Page::path)).toList();
        return new AnalyticsSummary(from, to, visitors.size(), visitors.size() - returning.size(), returning.size(),
                visits.size(), views.size(), events.anonymous().size(),
                visits.isEmpty() ? 0 : (double) bounces / visits.size(), seconds, days, pages,
                ranked(visits.values(), v -> v.get(0).path(), PathVisits::new),
                ranked(visits.values(), v -> v.get(v.size() - 1).path(), PathVisits::new),
                rankedVisitors(views, PageView::country, CountryVisitors::new),
                rankedVisitors(views, PageView::language, LanguageVisitors::new),
                ranked(visits.values().stream().filter(v -> v.get(0).referrerHost() != null).toList(),
                        v -> v.get(0).referrerHost(), ReferrerVisits::new));
    }

    private static LocalDate day(PageView view) {
        return LocalDate.ofInstant(view.at(), ZoneOffset.UTC);
    }

    private static <T> List<T> ranked(java.util.Collection<List<PageView>> visits, Function<List<PageView>, String> key,
                                      BiFunction<String, Long, T> row) {
        return visits.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> row.apply(e.getKey(), e.getValue())).toList();
    }

    private static <T> List<T> rankedVisitors(List<PageView> views, Function<PageView, String> key,
                                              BiFunction<String, Long, T> row) {
        return views.stream().collect(Collectors.groupingBy(key,
                        Collectors.mapping(PageView::visitorKey, Collectors.toSet()))).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (long) e.getValue().size()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> row.apply(e.getKey(), e.getValue())).toList();
    }
}
