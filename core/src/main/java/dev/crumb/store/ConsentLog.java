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
}
