package dev.crumb.internal.consent;

import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.ConsentRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes consent decisions to the durable consent log as proof, keyed by the keyed hash of the visitor
 * ID (never the ID), and reads a visitor's history back. Without a store, decisions live only in the
 * cookie and the journal records nothing.
 */
public final class ConsentJournal {

    private final ConsentLog log;
    private final VisitorHasher hasher;

    /** @param log the durable log, or {@code null} when no store is configured */
    public ConsentJournal(ConsentLog log, VisitorHasher hasher) {
        this.log = log;
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** Whether decisions are kept as proof. */
    public boolean keepsProof() {
        return log != null;
    }

    /**
     * Appends {@code state}, decided at {@code at}, synchronously; returns once the record is durable.
     *
     * @throws ConsentNotRecordedException when the store fails; the caller must then not apply the decision
     */
    public void append(String visitorId, ConsentState state, Instant at) {
        append(visitorId, state, at, state.source() == dev.crumb.ConsentSource.GPC);
    }

    /**
     * Appends {@code state}, decided at {@code at} with or without a refusal signal on the request,
     * synchronously; returns once the record is durable.
     *
     * @throws ConsentNotRecordedException when the store fails; the caller must then not apply the decision
     */
    public void append(String visitorId, ConsentState state, Instant at, boolean refusalSignal) {
        if (log == null) {
            return;
        }
        ConsentRecord record = new ConsentRecord(hasher.visitorKey(visitorId), at, state.granted(),
                state.policyRevision(), state.source(), refusalSignal);
        try {
            log.append(record);
        } catch (RuntimeException e) {
            throw new ConsentNotRecordedException(e);
        }
    }

    /**
     * Appends the default {@code state}, first applied at {@code at}, unless the log already holds that
     * default for the visitor (see {@link ConsentLog#appendDefaultOnce}); returns once it is durable.
     *
     * @return whether a record was added
     * @throws ConsentNotRecordedException when the store fails
     */
    public boolean appendDefaultOnce(String visitorId, ConsentState state, Instant at) {
        if (log == null) {
            return false;
        }
        ConsentRecord record = new ConsentRecord(hasher.visitorKey(visitorId), at, state.granted(),
                state.policyRevision(), state.source());
        try {
            return log.appendDefaultOnce(record);
        } catch (RuntimeException e) {
            throw new ConsentNotRecordedException(e);
        }
    }

    /**
     * The visitor's newest records, newest first; empty without a store; empty (not a failure) when
     * the store cannot be read — {@code /crumb/me} must still answer.
     */
    public Optional<List<ConsentRecord>> history(String visitorId, int limit) {
        if (log == null) {
            return Optional.of(List.of());
        }
        try {
            return Optional.of(log.history(hasher.visitorKey(visitorId), limit));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The consent log could not record a decision; the decision must not take effect. */
    public static final class ConsentNotRecordedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConsentNotRecordedException(Throwable cause) {
            super("the consent log did not record the decision (" + cause.getClass().getSimpleName()
                    + "); check the store's database — the decision was not applied", cause);
        }
    }
}
