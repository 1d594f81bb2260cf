package dev.crumb.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored visit of a visitor, as shown to that visitor.
 *
 * @param visit     the visit number (1 for the first)
 * @param start     its first page view
 * @param end       its last page view
 * @param pageViews how many pages were viewed
 * @param entryPath the first page
 * @param exitPath  the last page
 * @param referrer  the referring host of the first page view, or {@code ""}
 * @param country   the country recorded with the visit
 * @param language  the language recorded with the visit
 * @param pages     page views per path
 */
public record StoredVisit(int visit, Instant start, Instant end, long pageViews, String entryPath, String exitPath,
                          String referrer, String country, String language, Map<String, Long> pages) {
    public StoredVisit {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        pages = Map.copyOf(Objects.requireNonNull(pages, "pages"));
    }
}
