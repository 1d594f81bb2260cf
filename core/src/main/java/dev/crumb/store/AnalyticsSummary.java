package dev.crumb.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Aggregated visit numbers for a range of UTC days. Every list is sorted by its count, highest first,
 * then by its key; {@link #days()} is in date order and has an entry for every day of the range.
 */
public record AnalyticsSummary(
        LocalDate from,
        LocalDate to,
        long visitors,
        long newVisitors,
        long returningVisitors,
        long visits,
        long pageviews,
        long anonymousPageviews,
        double bounceRate,
        double avgVisitSeconds,
        List<Day> days,
        List<Page> pages,
        List<PathVisits> entryPages,
        List<PathVisits> exitPages,
        List<CountryVisitors> countries,
        List<LanguageVisitors> languages,
        List<ReferrerVisits> referrers) {

    public AnalyticsSummary {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        days = List.copyOf(days);
        pages = List.copyOf(pages);
        entryPages = List.copyOf(entryPages);
        exitPages = List.copyOf(exitPages);
        countries = List.copyOf(countries);
        languages = List.copyOf(languages);
        referrers = List.copyOf(referrers);
    }

    /** Numbers of one UTC day. */
    public record Day(LocalDate date, long visitors, long visits, long pageviews) {}

    /** Attributed page views and unique visitors of one path. */
    public record Page(String path, long pageviews, long visitors) {}

    /** Visits that entered (or left) the site at one path. */
    public record PathVisits(String path, long visits) {}

    /** Unique visitors from one country. */
    public record CountryVisitors(String country, long visitors) {}

    /** Unique visitors with one language. */
    public record LanguageVisitors(String language, long visitors) {}

    /** Visits that arrived from one external host. */
    public record ReferrerVisits(String host, long visits) {}
}
