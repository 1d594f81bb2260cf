package dev.crumb.internal.store;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.EmailRegistry;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A store in the JVM's memory for tests of Crumb's rules, thread-safe through one lock. It keeps every
 * page view and computes the summary from them by brute force, which makes it the reference the SQL
 * stores are tested against. Retention deletes nothing it needs: it only marks raw events as deleted,
 * which is all the SPI lets a caller observe.
 */
public final class InMemoryCrumbStore implements CrumbStore, ConsentLog, EmailRegistry, EventSink, AnalyticsReader {
    private static final Comparator<ConsentRecord> NEWEST_FIRST =
            Comparator.comparing(ConsentRecord::decidedAt).reversed();

    private final Object lock = new Object();
    private final List<ConsentRecord> consent = new ArrayList<>();
    private final Map<String, Instant> newestOptIn = new HashMap<>();
    private final Map<String, Instant> newestSuppression = new HashMap<>();
    private final List<PageView> pageViews = new ArrayList<>();
    private final List<AnonymousPageView> anonymous = new ArrayList<>();
    private final BitSet rawEventsDeleted = new BitSet();

    @Override
    public ConsentLog consentLog() {
        return this;
    }

    @Override
    public EmailRegistry emails() {
        return this;
    }

    @Override
    public EventSink events() {
        return this;
    }

    @Override
    public AnalyticsReader analytics() {
        return this;
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public void append(ConsentRecord record) {
        Objects.requireNonNull(record, "record");
        ColumnLimits.check(record.visitorKey(), ColumnLimits.KEY, "visitorKey", "use the keyed hash of the visitor ID");
        ConsentRecord stored = new ConsentRecord(record.visitorKey(), Times.stored(record.decidedAt()),
                record.granted(), record.policyRevision(), record.source(), record.refusalSignal());
        synchronized (lock) {
            consent.add(stored);
        }
    }

    @Override
    public List<ConsentRecord> history(String visitorKey, int limit) {
        Objects.requireNonNull(visitorKey, "visitorKey");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        List<ConsentRecord> own = new ArrayList<>();
        synchronized (lock) {
            // Walk backwards so that, at equal times, the later append comes first (a stable sort keeps it).
            for (int i = consent.size() - 1; i >= 0; i--) {
                if (consent.get(i).visitorKey().equals(visitorKey)) {
                    own.add(consent.get(i));
                }
            }
        }
        own.sort(NEWEST_FIRST);
        return List.copyOf(own.subList(0, Math.min(limit, own.size())));
    }

    @Override
    public void optIn(String addressKey, Instant at, int policyRevision, String form) {
        EmailArguments.checkOptIn(addressKey, at, policyRevision, form);
        synchronized (lock) {
            newestOptIn.merge(addressKey, Times.stored(at), InMemoryCrumbStore::later);
        }
    }

    @Override
    public void suppress(String addressKey, Instant at) {
        EmailArguments.checkSuppression(addressKey, at);
        synchronized (lock) {
            newestSuppression.merge(addressKey, Times.stored(at), InMemoryCrumbStore::later);
        }
    }

    @Override
    public boolean mayEmail(String addressKey) {
        Objects.requireNonNull(addressKey, "addressKey");
        synchronized (lock) {
            return EmailArguments.mayEmail(newestOptIn.get(addressKey), newestSuppression.get(addressKey));
        }
    }

    @Override
    public void write(List<PageView> views, List<AnonymousPageView> anonymousViews) {
        views.forEach(view -> ColumnLimits.check(Objects.requireNonNull(view, "page view")));
        anonymousViews.forEach(view -> ColumnLimits.check(Objects.requireNonNull(view, "anonymous page view")));
        synchronized (lock) {
            views.forEach(view -> pageViews.add(stored(view)));
            anonymousViews.forEach(view -> anonymous.add(new AnonymousPageView(Times.stored(view.at()), view.path())));
        }
    }

    @Override
    public long deleteRawEventsBefore(Instant before) {
        Instant cut = Times.stored(Objects.requireNonNull(before, "before"));
        synchronized (lock) {
            // Page views are only marked: the summary keeps reading them, as the SQL stores keep their rollups.
            long deleted = 0;
            for (int i = 0; i < pageViews.size(); i++) {
                if (!rawEventsDeleted.get(i) && pageViews.get(i).at().isBefore(cut)) {
                    rawEventsDeleted.set(i);
                    deleted++;
                }
            }
            return deleted;
        }
    }

    @Override
    public AnalyticsSummary summary(LocalDate from, LocalDate to) {
        DateRange range = new DateRange(from, to);
        List<PageView> views;
        List<AnonymousPageView> anonymousViews;
        synchronized (lock) {
            views = List.copyOf(pageViews);
            anonymousViews = List.copyOf(anonymous);
        }
        return new BruteForceSummary(range, views, anonymousViews).summary();
    }

    private static PageView stored(PageView view) {
        return new PageView(Times.stored(view.at()), view.visitorKey(), view.visit(), view.path(), view.country(),
                view.language(), view.referrerHost());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
