package dev.crumb.testsupport;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.EmailRegistry;
import dev.crumb.store.EventSink;
import dev.crumb.store.StoreException;
import java.sql.SQLException;
import java.util.List;

/**
 * A real store whose consent log a test can switch into failing, as when the database goes away:
 * appends and reads then throw {@link StoreException} like the JDBC store does; or into hanging, as when
 * the database stops answering: calls then wait until the test lets them go.
 */
public final class SwitchableStore implements CrumbStore {

    private final CrumbStore real;
    private volatile boolean failing;
    private volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);

    public SwitchableStore(CrumbStore real) {
        this.real = real;
    }

    /** Makes the consent log fail (or work again). */
    public void failConsentLog(boolean fail) {
        this.failing = fail;
    }

    /** Makes consent log calls hang until {@link #releaseConsentLog()}. */
    public void holdConsentLog() {
        hold = new java.util.concurrent.CountDownLatch(1);
    }

    /** Lets held consent log calls (and later ones) go on. */
    public void releaseConsentLog() {
        hold.countDown();
    }

    @Override
    public ConsentLog consentLog() {
        ConsentLog log = real.consentLog();
        return new ConsentLog() {
            @Override
            public void append(ConsentRecord record) {
                check();
                log.append(record);
            }

            @Override
            public boolean appendDefaultOnce(ConsentRecord record) {
                check();
                return log.appendDefaultOnce(record);
            }

            @Override
            public List<ConsentRecord> history(String visitorKey, int limit) {
                check();
                return log.history(visitorKey, limit);
            }

            @Override
            public long deleteSupersededBefore(java.time.Instant before) {
                check();
                return log.deleteSupersededBefore(before);
            }
        };
    }

    private void check() {
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the test held the consent log", new SQLException("held"));
        }
        if (failing) {
            throw new StoreException("the database is unreachable (switched off by the test)", new SQLException("down"));
        }
    }

    @Override
    public EmailRegistry emails() {
        return real.emails();
    }

    @Override
    public EventSink events() {
        return real.events();
    }

    @Override
    public AnalyticsReader analytics() {
        return real.analytics();
    }

    @Override
    public dev.crumb.store.SecurityRecords security() {
        return real.security();
    }

    @Override
    public dev.crumb.store.VisitorRecords visitorRecords() {
        return real.visitorRecords();
    }

    @Override
    public void close() {
        real.close();
    }
}
