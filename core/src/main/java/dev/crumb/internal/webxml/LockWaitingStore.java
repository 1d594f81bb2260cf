package dev.crumb.internal.webxml;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.EmailRegistry;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import dev.crumb.store.SecurityRecords;
import dev.crumb.store.StoredVisits;
import dev.crumb.store.VisitorRecords;
import dev.crumb.store.StoreException;
import dev.crumb.internal.store.StoreFailures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 file store that another deployment of the same application still holds. Jetty starts a redeployed
 * context before it stops the old one, so the new context finds {@code crumb.mv.db} locked (H2's SQL state
 * 90020) and, if it waited in {@code init}, would hold up the very stop that frees the file. Instead the
 * filter starts at once on this store, which keeps trying to open the file in the background every half
 * second for at most {@link #LOCK_WAIT}: until then, store operations fail as during a database outage
 * (a consent POST answers 503, page views wait in the buffer), and then everything works.
 *
 * <p>Why not H2's {@code AUTO_SERVER}: it opens a TCP port reachable from other hosts to share the file
 * between processes; a wait of a few seconds during a redeploy is the smaller price.
 */
final class LockWaitingStore implements CrumbStore {
    private static final Logger LOG = LoggerFactory.getLogger(LockWaitingStore.class);
    /** How long the background opener keeps trying before it gives up and logs an error. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(120);

    private final Supplier<CrumbStore> opener;
    private final Thread thread;
    private volatile CrumbStore store;
    private volatile boolean closed;
    /** A hash-key fingerprint asked for before the file was free: compared as soon as the store opens. */
    private volatile String pendingFingerprint;

    private LockWaitingStore(Supplier<CrumbStore> opener) {
        this.opener = opener;
        this.thread = new Thread(this::openWhenFree, "crumb-store-opener");
        thread.setDaemon(true);
    }

    /**
     * The opened store, or, when the H2 file is locked, a store that opens it as soon as it is free.
     *
     * @throws StoreException any other failure to open, at once
     */
    static CrumbStore open(Supplier<CrumbStore> opener) {
        try {
            return opener.get();
        } catch (StoreException e) {
            if (!lockedFile(e)) {
                throw e;
            }
            LOG.warn("Crumb's H2 database file is locked by another process or a previous deployment that is still "
                    + "stopping; Crumb serves pages now and opens the store as soon as the file is free (at most {})",
                    LOCK_WAIT);
            LockWaitingStore waiting = new LockWaitingStore(opener);
            waiting.thread.start();
            return waiting;
        }
    }

    /** Whether {@code e} says the H2 file is in use. */
    static boolean lockedFile(Throwable e) {
        return StoreFailures.fileLocked(e);
    }

    private void openWhenFree() {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (!closed) {
            try {
                Thread.sleep(500);
                CrumbStore opened = opener.get();
                if (!agreesOnHashKey(opened)) {
                    opened.close();
                    return;
                }
                synchronized (this) {
                    if (closed) {
                        opened.close();
                        return;
                    }
                    store = opened;
                }
                LOG.info("Crumb's H2 database file is free again: the store is open");
                return;
            } catch (StoreException e) {
                if (!lockedFile(e) || System.nanoTime() - deadline > 0) {
                    LOG.error("Crumb could not open its store ({}); consent decisions answer 503 and page views are "
                            + "dropped until the application is restarted", e.getMessage());
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean agreesOnHashKey(CrumbStore opened) {
        String mine = pendingFingerprint;
        if (mine == null || mine.equals(opened.security().hashKeyFingerprint(mine))) {
            return true;
        }
        LOG.error("Crumb's store was first used with another hash key (CRUMB_HASH_KEY; the fingerprint kept in table "
                + "crumb_security differs); Crumb leaves the store closed: consent decisions answer 503 and page "
                + "views are dropped until the hash key is set to the store's and the application restarted");
        return false;
    }

    private CrumbStore store() {
        CrumbStore open = store;
        if (open == null) {
            throw new StoreException("Crumb's store is not open yet: its H2 file is still locked by another deployment",
                    null);
        }
        return open;
    }

    @Override
    public ConsentLog consentLog() {
        return new ConsentLog() {
            @Override
            public void append(ConsentRecord record) {
                store().consentLog().append(record);
            }

            @Override
            public boolean appendDefaultOnce(ConsentRecord record) {
                return store().consentLog().appendDefaultOnce(record);
            }

            @Override
            public List<ConsentRecord> history(String visitorKey, int limit) {
                return store().consentLog().history(visitorKey, limit);
            }

            @Override
            public long deleteSupersededBefore(Instant before) {
                return store().consentLog().deleteSupersededBefore(before);
            }
        };
    }

    @Override
    public EmailRegistry emails() {
        return new EmailRegistry() {
            @Override
            public void optIn(String addressKey, Instant at, int policyRevision, String form) {
                store().emails().optIn(addressKey, at, policyRevision, form);
            }

            @Override
            public void suppress(String addressKey, Instant at) {
                store().emails().suppress(addressKey, at);
            }

            @Override
            public boolean mayEmail(String addressKey) {
                return store().emails().mayEmail(addressKey);
            }
        };
    }

    @Override
    public EventSink events() {
        return new EventSink() {
            @Override
            public void write(List<PageView> pageViews, List<AnonymousPageView> anonymous) {
                store().events().write(pageViews, anonymous);
            }

            @Override
            public long deleteRawEventsBefore(Instant before) {
                return store().events().deleteRawEventsBefore(before);
            }
        };
    }

    @Override
    public AnalyticsReader analytics() {
        return new AnalyticsReader() {
            @Override
            public AnalyticsSummary summary(LocalDate from, LocalDate to) {
                return store().analytics().summary(from, to);
            }
        };
    }

    @Override
    public VisitorRecords visitorRecords() {
        return new VisitorRecords() {
            @Override
            public StoredVisits visits(String visitorKey, int visitLimit) {
                return store().visitorRecords().visits(visitorKey, visitLimit);
            }

            @Override
            public long erase(String visitorKey) {
                return store().visitorRecords().erase(visitorKey);
            }

            @Override
            public long deleteVisitsEndedBefore(Instant before) {
                return store().visitorRecords().deleteVisitsEndedBefore(before);
            }
        };
    }

    @Override
    public SecurityRecords security() {
        return new SecurityRecords() {
            @Override
            public String hashKeyFingerprint(String fingerprint) {
                CrumbStore open = store;
                if (open != null) {
                    return open.security().hashKeyFingerprint(fingerprint);
                }
                // The file is still locked: compare when it opens, and keep the store closed if they differ.
                pendingFingerprint = fingerprint;
                return fingerprint;
            }

            @Override
            public Instant analystSessionsEndedAt() {
                return store().security().analystSessionsEndedAt();
            }

            @Override
            public void endAnalystSessions(Instant at) {
                store().security().endAnalystSessions(at);
            }
        };
    }

    @Override
    public void close() {
        CrumbStore open;
        synchronized (this) {
            closed = true;
            open = store;
        }
        thread.interrupt();
        try {
            // Gone before the container checks for threads its application left behind.
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (open != null) {
            open.close();
        }
    }
}
