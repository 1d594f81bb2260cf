package dev.crumb.store;

import java.util.List;

/**
 * The append-only log of consent decisions. {@link #append} returns only once the record is durable,
 * so a decision acknowledged to the visitor survives a crash. Defaults (a region default, a browser's
 * refusal signal) go through {@link #appendDefaultOnce}, which keeps one record per default.
 */
public interface ConsentLog {

    /** Appends one decision durably. */
    void append(ConsentRecord record);

    /**
     * Appends a default — a record whose source is {@link dev.crumb.ConsentSource#REGION_DEFAULT} or
     * {@link dev.crumb.ConsentSource#GPC} — unless the log already holds one with the same visitor key,
     * granted categories, policy revision and source; durable when it returns. Several servers may record
     * the same default at once: a store shared between servers must keep exactly one (the JDBC stores do,
     * with a unique key). This default implementation reads the history first, which is only safe for a
     * log that one server uses.
     *
     * @return whether a record was added ({@code false}: the default was already recorded)
     */
    default boolean appendDefaultOnce(ConsentRecord record) {
        for (ConsentRecord known : history(record.visitorKey(), Integer.MAX_VALUE)) {
            if (known.source() == record.source() && known.policyRevision() == record.policyRevision()
                    && known.granted().equals(record.granted())) {
                return false;
            }
        }
        append(record);
        return true;
    }

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
