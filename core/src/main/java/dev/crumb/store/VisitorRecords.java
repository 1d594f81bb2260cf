package dev.crumb.store;

import java.time.Instant;

/**
 * The per-visitor rows of analytics, for the visitor's rights and for retention: what is held under one
 * visitor key ({@code /crumb/me}), erasing it ("forget me"), and deleting visits older than the retention.
 * Daily aggregates hold no visitor key and are never touched, so summaries stay exact.
 */
public interface VisitorRecords {

    /**
     * What the store holds under {@code visitorKey}: its visits, newest first, at most {@code visitLimit}
     * of them listed (the counts cover all).
     */
    StoredVisits visits(String visitorKey, int visitLimit);

    /**
     * Erases every per-visit row held under {@code visitorKey} (visits, their pages, raw page views, the
     * visitor's row), in one transaction.
     *
     * @return how many rows were deleted
     */
    long erase(String visitorKey);

    /**
     * Deletes the per-visit rows of visits whose last page view was before {@code before}, in small chunks
     * (one short transaction each) so that writers are never held up for long.
     *
     * @return how many visits were deleted
     */
    long deleteVisitsEndedBefore(Instant before);
}
