package dev.crumb.internal.store;

import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.DateRange;
import dev.crumb.store.SecurityRecords;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.EmailRegistry;
import dev.crumb.store.EventSink;
import dev.crumb.store.PageView;
import dev.crumb.store.StoredVisit;
import dev.crumb.store.StoredVisits;
import dev.crumb.store.VisitorRecords;
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
final class InMemoryCrumbStore implements CrumbStore, ConsentLog, EmailRegistry, EventSink, AnalyticsReader,
        VisitorRecords {
    private static final Comparator<ConsentRecord> NEWEST_FIRST =
            Comparator.comparing(ConsentRecord::decidedAt).reversed();

    private final Object lock = new Object();
    private final List<ConsentRecord> consent = new ArrayList<>();
    private final Map<String, Instant> newestOptIn = new HashMap<>();
    private final Map<String, Instant> newestSuppression = new HashMap<>();
    private final List<PageView> pageViews = new ArrayList<>();
    private final List<AnonymousPageView> anonymous = new ArrayList<>();
    private final BitSet rawEventsDeleted = new BitSet();
    private final SecurityRecords security = new InMemorySecurityRecords();
    /** Page views erased or past the visit retention: no longer shown per visitor; the summary still counts them. */
    private final BitSet visitorRowsDeleted = new BitSet();

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
    public SecurityRecords security() {
        return security;
    }

    @Override
    public VisitorRecords visitorRecords() {
        return this;
    }

    @Override
    public StoredVisits visits(String visitorKey, int visitLimit) {
        Objects.requireNonNull(visitorKey, "visitorKey");
        if (visitLimit < 0) {
            throw new IllegalArgumentException("visitLimit must be 0 or more, was " + visitLimit);
        }
        Map<Integer, List<PageView>> byVisit = new java.util.TreeMap<>();
        synchronized (lock) {
            for (int i = 0; i < pageViews.size(); i++) {
                PageView v = pageViews.get(i);
                if (!visitorRowsDeleted.get(i) && v.visitorKey().equals(visitorKey)) {
                    byVisit.computeIfAbsent(v.visit(), n -> new ArrayList<>()).add(v);
                }
            }
        }
        if (byVisit.isEmpty()) {
            return StoredVisits.NONE;
        }
        List<StoredVisit> visits = new ArrayList<>();
        long views = 0;
        for (Map.Entry<Integer, List<PageView>> e : byVisit.entrySet()) {
            List<PageView> pages = new ArrayList<>(e.getValue());
            pages.sort(Comparator.comparing(PageView::at).thenComparing(PageView::path));
            PageView entry = pages.get(0);
            PageView exit = pages.stream().max(Comparator.comparing(PageView::at).thenComparing(PageView::path)).orElseThrow();
            Map<String, Long> perPath = new java.util.TreeMap<>();
            pages.forEach(p -> perPath.merge(p.path(), 1L, Long::sum));
            visits.add(new StoredVisit(e.getKey(), entry.at(), exit.at(), pages.size(), entry.path(), exit.path(),
                    entry.referrerHost() == null ? "" : entry.referrerHost(), entry.country(), entry.language(), perPath));
            views += pages.size();
        }
        Instant first = visits.stream().map(StoredVisit::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = visits.stream().map(StoredVisit::end).max(Comparator.naturalOrder()).orElseThrow();
        visits.sort(Comparator.comparing(StoredVisit::start).thenComparing(StoredVisit::visit).reversed());
        return new StoredVisits(visits.size(), views, first, last, visits.subList(0, Math.min(visitLimit, visits.size())));
    }

    @Override
    public long erase(String visitorKey) {
        Objects.requireNonNull(visitorKey, "visitorKey");
        synchronized (lock) {
            long erased = 0;
            for (int i = 0; i < pageViews.size(); i++) {
                if (!visitorRowsDeleted.get(i) && pageViews.get(i).visitorKey().equals(visitorKey)) {
                    visitorRowsDeleted.set(i);
                    erased++;
                }
            }
            return erased;
        }
    }

    @Override
    public long deleteVisitsEndedBefore(Instant before) {
        Instant cut = Times.stored(Objects.requireNonNull(before, "before"));
        synchronized (lock) {
            Map<String, Instant> visitEnds = new HashMap<>();
            for (int i = 0; i < pageViews.size(); i++) {
                if (!visitorRowsDeleted.get(i)) {
                    PageView v = pageViews.get(i);
                    visitEnds.merge(v.visitorKey() + "\u0000" + v.visit(), v.at(), InMemoryCrumbStore::later);
                }
            }
            long visits = visitEnds.values().stream().filter(end -> end.isBefore(cut)).count();
            for (int i = 0; i < pageViews.size(); i++) {
                PageView v = pageViews.get(i);
                if (!visitorRowsDeleted.get(i) && visitEnds.get(v.visitorKey() + "\u0000" + v.visit()).isBefore(cut)) {
                    visitorRowsDeleted.set(i);
                }
            }
            return visits;
        }
    }

    @Override
    public long deleteSupersededBefore(Instant before) {
        Instant cut = Times.stored(Objects.requireNonNull(before, "before"));
        synchronized (lock) {
            List<ConsentRecord> kept = new ArrayList<>();
            for (int i = 0; i < consent.size(); i++) {
                ConsentRecord c = consent.get(i);
                boolean superseded = false;
                for (int j = 0; j < consent.size() && !superseded; j++) {
                    ConsentRecord n = consent.get(j);
                    superseded = j != i && n.visitorKey().equals(c.visitorKey()) && n.decidedAt().isBefore(cut)
                            && (n.decidedAt().isAfter(c.decidedAt()) || n.decidedAt().equals(c.decidedAt()) && j > i);
                }
                if (!superseded) {
                    kept.add(c);
                }
            }
            long deleted = consent.size() - kept.size();
            consent.clear();
            consent.addAll(kept);
            return deleted;
        }
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
    public boolean appendDefaultOnce(ConsentRecord record) {
        Objects.requireNonNull(record, "record");
        synchronized (lock) {
            // The same check as the interface's, made atomic by the lock, as the JDBC store's unique key is.
            return ConsentLog.super.appendDefaultOnce(record);
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
