package dev.crumb.internal.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The visitors whose {@code crumb_visitor} lock rows this writer has lately seen exist: the most recently locked
 * {@link #capacity} of them, so that a batch whose visitors all have a row skips the short transaction that
 * inserts the missing ones ({@link VisitorLocks#insertMissing}).
 *
 * <p>It is a hint, never trusted for correctness: a row can be deleted behind it (retention of a visitor whose
 * visits are gone, erasure). Such a visitor is not found by {@link VisitorLocks#lockAvailable}, like a visitor
 * another writer holds; both are deferred and forgotten ({@link #settle}), so the next batch inserts their row
 * again if it is missing. Thread-safe.
 */
final class KnownLockRows {
    /** Visitors remembered by default: a few MB of keys, many more than the visitors of a busy hour's batches. */
    static final int DEFAULT_CAPACITY = 50_000;

    private final int capacity;
    private final Map<String, Boolean> recent;

    KnownLockRows(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be at least 0, was " + capacity);
        }
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > KnownLockRows.this.capacity;
            }
        };
    }

    /** Those of {@code visitors} whose lock row this writer has not seen lately, in their order. */
    synchronized SortedSet<String> unknown(SortedSet<String> visitors) {
        SortedSet<String> unknown = new TreeSet<>();
        for (String visitor : visitors) {
            if (recent.get(visitor) == null) {
                unknown.add(visitor);
            }
        }
        return unknown;
    }

    /**
     * After a batch tried to lock the rows of {@code visitors}: remembers those it {@code locked}, whose rows
     * exist, and forgets the others, whose rows were not found free (held by another writer, or deleted).
     */
    synchronized void settle(Collection<String> visitors, Set<String> locked) {
        for (String visitor : visitors) {
            if (locked.contains(visitor) && capacity > 0) {
                recent.put(visitor, Boolean.TRUE);
            } else {
                recent.remove(visitor);
            }
        }
    }

    synchronized int size() {
        return recent.size();
    }
}
