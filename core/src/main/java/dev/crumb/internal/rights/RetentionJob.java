package dev.crumb.internal.rights;

import dev.crumb.store.ConsentLog;
import dev.crumb.store.VisitorRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store within its promises, once a day on a background thread: deletes per-visit rows of
 * visits that ended more than {@code visit-retention} ago (in small chunks, see {@link VisitorRecords}),
 * and consent records superseded more than {@code consent-log-retention} ago. Also runs the delayed
 * second erasure of "forget me" (see {@link StoredData}). One line per run at INFO, never a key.
 */
public final class RetentionJob implements Retention {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private static final Duration INTERVAL = Duration.ofDays(1);

    private final VisitorRecords records;
    private final ConsentLog consentLog;
    private final Period visitRetention;
    private final Period consentLogRetention;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    /** What one run deleted. */
    public record Deleted(long visits, long consentRecords) {
    }

    public RetentionJob(VisitorRecords records, ConsentLog consentLog, Period visitRetention, Period consentLogRetention,
                        Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.consentLog = Objects.requireNonNull(consentLog, "consentLog");
        this.visitRetention = Objects.requireNonNull(visitRetention, "visitRetention");
        this.consentLogRetention = Objects.requireNonNull(consentLogRetention, "consentLogRetention");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crumb-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Schedules the daily run (the first a minute after start, so start-up is not slowed down). */
    public RetentionJob start() {
        executor.scheduleWithFixedDelay(this::runLogged, FIRST_RUN.toSeconds(), INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Runs {@code task} once after {@code delay} on the retention thread; failures are logged. */
    @Override
    public void later(Runnable task, Duration delay) {
        try {
            executor.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("a delayed erasure failed ({}); it is not retried", e.getClass().getSimpleName());
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("retention job stopped; delayed task dropped");
        }
    }

    /** Deletes what is past its retention now. */
    public Deleted runOnce() {
        Instant now = clock.instant();
        long visits = records.deleteVisitsEndedBefore(now.atOffset(ZoneOffset.UTC).minus(visitRetention).toInstant());
        long consent = consentLog.deleteSupersededBefore(now.atOffset(ZoneOffset.UTC).minus(consentLogRetention).toInstant());
        return new Deleted(visits, consent);
    }

    private void runLogged() {
        try {
            Deleted d = runOnce();
            LOG.info("retention: deleted {} visit(s) older than {} and {} consent record(s) superseded more than {} ago",
                    d.visits(), visitRetention, d.consentRecords(), consentLogRetention);
        } catch (RuntimeException e) {
            LOG.warn("retention run failed ({}); retried in {}", e.getClass().getSimpleName(), INTERVAL);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
