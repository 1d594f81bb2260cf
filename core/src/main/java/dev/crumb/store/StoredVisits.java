package dev.crumb.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the store holds under one visitor key.
 *
 * @param visitCount     how many visits are stored
 * @param pageViews      how many page views those visits hold
 * @param firstSeen      the start of the earliest stored visit, or {@code null} when none is stored
 * @param lastSeen       the end of the latest stored visit, or {@code null} when none is stored
 * @param visits         the newest visits, newest first (possibly fewer than {@code visitCount})
 */
public record StoredVisits(long visitCount, long pageViews, Instant firstSeen, Instant lastSeen, List<StoredVisit> visits) {

    /** Nothing stored. */
    public static final StoredVisits NONE = new StoredVisits(0, 0, null, null, List.of());

    public StoredVisits {
        visits = List.copyOf(Objects.requireNonNull(visits, "visits"));
    }
}
