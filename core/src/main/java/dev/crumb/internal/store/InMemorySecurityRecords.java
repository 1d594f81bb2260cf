package dev.crumb.internal.store;

import dev.crumb.store.SecurityRecords;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** {@link SecurityRecords} of the in-memory store: shared by every filter that uses the same store object. */
final class InMemorySecurityRecords implements SecurityRecords {

    private final AtomicReference<String> fingerprint = new AtomicReference<>();
    private final AtomicReference<Instant> endedAt = new AtomicReference<>(Instant.EPOCH);

    @Override
    public String hashKeyFingerprint(String candidate) {
        Objects.requireNonNull(candidate, "fingerprint");
        fingerprint.compareAndSet(null, candidate);
        return fingerprint.get();
    }

    @Override
    public Instant analystSessionsEndedAt() {
        return endedAt.get();
    }

    @Override
    public void endAnalystSessions(Instant at) {
        Objects.requireNonNull(at, "at");
        endedAt.accumulateAndGet(Times.stored(at), (a, b) -> a.isAfter(b) ? a : b);
    }
}
