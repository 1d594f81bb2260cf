package dev.crumb.internal.store;

/**
 * The additive and distinct counts of the visits of a range, and the two ratios derived from them. Both
 * the SQL and the in-memory store compute the ratios here, so they agree to the last bit.
 */
record VisitTotals(long visitors, long newVisitors, long returningVisitors, long visits, long pageviews,
                   long bounces, long durationMillis) {

    /** Share of visits with exactly one page view; 0 without visits. */
    double bounceRate() {
        return visits == 0 ? 0 : (double) bounces / visits;
    }

    /** Mean of (last − first page view time) over the visits, in seconds; 0 without visits. */
    double avgVisitSeconds() {
        return visits == 0 ? 0 : durationMillis / 1000.0 / visits;
    }
}
