package dev.crumb.testsupport;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.EmailRegistry;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real store (any {@link CrumbStore}, e.g. {@code CrumbStores.inMemory()}) whose event sink also keeps
 * a copy of every page view it accepted, so tests can check the fields the pipeline produced.
 */
public final class RecordingStore implements CrumbStore {

    private final CrumbStore inner;
    private final List<PageView> pageViews = new ArrayList<>();
    private final List<AnonymousPageView> anonymous = new ArrayList<>();

    public RecordingStore(CrumbStore inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public ConsentLog consentLog() {
        return inner.consentLog();
    }

    @Override
    public EmailRegistry emails() {
        return inner.emails();
    }

    @Override
    public EventSink events() {
        return new EventSink() {
            @Override
            public void write(List<PageView> views, List<AnonymousPageView> anonymousViews) {
                inner.events().write(views, anonymousViews);
                synchronized (RecordingStore.this) {
                    pageViews.addAll(views);
                    anonymous.addAll(anonymousViews);
                }
            }

            @Override
            public long deleteRawEventsBefore(Instant before) {
                return inner.events().deleteRawEventsBefore(before);
            }
        };
    }

    @Override
    public AnalyticsReader analytics() {
        return inner.analytics();
    }

    @Override
    public dev.crumb.store.SecurityRecords security() {
        return inner.security();
    }

    @Override
    public dev.crumb.store.VisitorRecords visitorRecords() {
        return inner.visitorRecords();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** The attributed page views written so far. */
    public synchronized List<PageView> pageViews() {
        return List.copyOf(pageViews);
    }

    /** The anonymous page views written so far. */
    public synchronized List<AnonymousPageView> anonymous() {
        return List.copyOf(anonymous);
    }
}
