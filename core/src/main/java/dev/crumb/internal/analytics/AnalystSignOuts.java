package dev.crumb.internal.analytics;

import dev.crumb.store.SecurityRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the analyst last signed out, as every server sees it: kept in the store's {@link SecurityRecords},
 * so a sign-out on one server ends the session on all of them. Each server reads it at most once per
 * {@link #MAX_AGE} and otherwise answers from memory, so a sign-out on another server takes effect here
 * within that time; on the server that signed out it takes effect at once. When the store cannot be read,
 * sessions count as ended until it can (fail closed): the analytics endpoints need the store anyway.
 */
public final class AnalystSignOuts {

    /** How long a server trusts its copy of the sign-out time: the bound on cross-server sign-out. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AnalystSignOuts.class);
    private static final Instant UNKNOWN = Instant.MAX;

    private final SecurityRecords records;
    private final Clock clock;
    private Instant endedAt = UNKNOWN;
    private long readAtMillis = Long.MIN_VALUE;
    private boolean failing;

    public AnalystSignOuts(SecurityRecords records, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sessions that began at or before this instant are over; {@link Instant#MAX} while the store is unreadable. */
    public synchronized Instant endedAt() {
        long now = clock.millis();
        if (readAtMillis != Long.MIN_VALUE && now - readAtMillis < MAX_AGE.toMillis() && now >= readAtMillis) {
            return endedAt;
        }
        readAtMillis = now;
        try {
            Instant stored = records.analystSessionsEndedAt();
            endedAt = endedAt == UNKNOWN || stored.isAfter(endedAt) ? stored : endedAt;
            if (failing) {
                LOG.info("analyst sign-outs are readable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot read the analyst's last sign-out ({}); analyst sessions are refused until the store"
                        + " answers", e.getClass().getSimpleName());
                failing = true;
            }
            endedAt = UNKNOWN;
        }
        return endedAt;
    }

    /**
     * Ends every analyst session that began up to now: at once on this server, within {@link #MAX_AGE} on
     * the others.
     *
     * @throws RuntimeException when the store could not record it; this server has ended them anyway
     */
    public void endAll() {
        Instant now = clock.instant();
        synchronized (this) {
            endedAt = endedAt == UNKNOWN || now.isAfter(endedAt) ? now : endedAt;
            readAtMillis = clock.millis();
        }
        records.endAnalystSessions(now);
    }
}
