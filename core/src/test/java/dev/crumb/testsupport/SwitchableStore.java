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
 * appends and reads then throw {@link StoreException} like the JDBC store does.
 */
public final class SwitchableStore implements CrumbStore {

    private final CrumbStore real;
    private volatile boolean failing;

    public SwitchableStore(CrumbStore real) {
        this.real = real;
    }

    /** Makes the consent log fail (or work again). */
    public void failConsentLog(boolean fail) {
        this.failing = fail;
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
    public dev.crumb.store.VisitorRecords visitorRecords() {
        return real.visitorRecords();
    }

    @Override
    public void close() {
        real.close();
    }
}
