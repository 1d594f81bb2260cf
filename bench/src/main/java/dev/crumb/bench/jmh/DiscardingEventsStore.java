package dev.crumb.bench.jmh;

import dev.crumb.CrumbStores;
import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.EmailRegistry;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import dev.crumb.store.SecurityRecords;
import dev.crumb.store.VisitorRecords;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A store for micro-benchmarks of the request path with tracking on: Crumb's in-memory store for the consent
 * log and the rest, and a sink that counts the page views the tracking writer hands it and keeps none (the
 * in-memory store keeps every one, which millions of benchmark invocations would not fit). Without a store
 * the filter runs with tracking off, and a benchmark would leave out the page view's recording.
 */
final class DiscardingEventsStore implements CrumbStore {

    private final CrumbStore memory = CrumbStores.inMemory();
    private final LongAdder attributed = new LongAdder();
    private final LongAdder anonymous = new LongAdder();
    private final EventSink discarding = new EventSink() {
        @Override
        public void write(List<PageView> pageViews, List<AnonymousPageView> anonymousViews) {
            attributed.add(pageViews.size());
            anonymous.add(anonymousViews.size());
        }

        @Override
        public long deleteRawEventsBefore(Instant before) {
            return 0;
        }
    };

    /** Page views with a visitor's ID the writer has handed over so far. */
    long attributedPageViews() {
        return attributed.sum();
    }

    /** Anonymous page views the writer has handed over so far. */
    long anonymousPageViews() {
        return anonymous.sum();
    }

    @Override
    public ConsentLog consentLog() {
        return memory.consentLog();
    }

    @Override
    public EmailRegistry emails() {
        return memory.emails();
    }

    @Override
    public EventSink events() {
        return discarding;
    }

    @Override
    public AnalyticsReader analytics() {
        return memory.analytics();
    }

    @Override
    public SecurityRecords security() {
        return memory.security();
    }

    @Override
    public VisitorRecords visitorRecords() {
        return memory.visitorRecords();
    }

    @Override
    public void close() {
        memory.close();
    }
}
