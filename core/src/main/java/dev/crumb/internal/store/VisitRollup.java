package dev.crumb.internal.store;

import dev.crumb.store.PageView;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * What the store keeps of one visit, folded from any number of its page views in any order. The entry
 * columns come from the first page view by (time, path, referrer, country, language), the exit path
 * from the last by (time, path); the fold is commutative and associative, and it is the same rule the
 * SQL upsert applies when a later batch brings more page views of the visit.
 *
 * @param entryReferrer the first page view's referrer host, or {@code ""} when it had none
 */
record VisitRollup(VisitId id, long firstMs, long lastMs, long pageviews, String entryPath, String entryReferrer,
                   String entryCountry, String entryLanguage, String exitPath) {

    private static final Comparator<VisitRollup> ENTRY_ORDER = Comparator.comparingLong(VisitRollup::firstMs)
            .thenComparing(VisitRollup::entryPath)
            .thenComparing(VisitRollup::entryReferrer)
            .thenComparing(VisitRollup::entryCountry)
            .thenComparing(VisitRollup::entryLanguage);
    private static final Comparator<VisitRollup> EXIT_ORDER =
            Comparator.comparingLong(VisitRollup::lastMs).thenComparing(VisitRollup::exitPath);

    static VisitRollup of(PageView view) {
        long ms = view.at().toEpochMilli();
        String referrer = view.referrerHost() == null ? "" : view.referrerHost();
        return new VisitRollup(new VisitId(view.visitorKey(), view.visit()), ms, ms, 1, view.path(), referrer,
                view.country(), view.language(), view.path());
    }

    /** This visit with the page views of {@code other}, a rollup of the same visit, added. */
    VisitRollup merge(VisitRollup other) {
        VisitRollup entry = ENTRY_ORDER.compare(other, this) < 0 ? other : this;
        VisitRollup exit = EXIT_ORDER.compare(other, this) > 0 ? other : this;
        return new VisitRollup(id, entry.firstMs, exit.lastMs, pageviews + other.pageviews, entry.entryPath,
                entry.entryReferrer, entry.entryCountry, entry.entryLanguage, exit.exitPath);
    }

    /** The UTC day the visit belongs to: that of its first page view. */
    LocalDate startDay() {
        return Times.utcDay(firstMs);
    }
}
