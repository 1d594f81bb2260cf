package dev.crumb.store;

import java.util.List;

/**
 * The append-only log of consent decisions. {@link #append} returns only once the record is durable,
 * so a decision acknowledged to the visitor survives a crash.
 */
public interface ConsentLog {

    /** Appends one decision durably. */
    void append(ConsentRecord record);

    /** The newest decisions of one visitor, newest first, at most {@code limit} of them. */
    List<ConsentRecord> history(String visitorKey, int limit);

    /**
     * Deletes the records that a newer record of the same visitor superseded before {@code before}
     * ({@code consent-log-retention}); a visitor's newest record is always kept. A store that keeps every
     * record may leave this as it is.
     *
     * @return how many records were deleted
     */
    default long deleteSupersededBefore(java.time.Instant before) {
        return 0;
    }
}
