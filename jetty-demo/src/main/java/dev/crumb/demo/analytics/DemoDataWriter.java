package dev.crumb.demo.analytics;

import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.CrumbStore;
import dev.crumb.store.PageView;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Writes made-up events into Crumb's store through its event sink, in batches as Crumb's own writer
 * does, once: when the store already holds page views in the seeded days (an earlier seeding, or real
 * visits) it writes nothing, so starting the demo with {@code --seed-demo-data} again never doubles the
 * numbers.
 */
public final class DemoDataWriter {

    /** Page views per write, the size of a batch of Crumb's own writer. */
    public static final int BATCH_SIZE = 500;

    /** What {@link #write} did. */
    public record Outcome(boolean written, long pageViews, long anonymous) {}

    private final CrumbStore store;

    /** A writer into {@code store}. */
    public DemoDataWriter(CrumbStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Writes {@code events}, made up for the days {@code from} to {@code to}, unless the store already
     * counts page views of any kind in those days.
     */
    public Outcome write(DemoDataSeeder.Events events, LocalDate from, LocalDate to) {
        AnalyticsSummary existing = store.analytics().summary(from, to);
        if (existing.pageviews() > 0 || existing.anonymousPageviews() > 0) {
            return new Outcome(false, existing.pageviews(), existing.anonymousPageviews());
        }
        for (List<PageView> batch : batches(events.pageViews())) {
            store.events().write(batch, List.of());
        }
        for (List<AnonymousPageView> batch : batches(events.anonymous())) {
            store.events().write(List.of(), batch);
        }
        return new Outcome(true, events.pageViews().size(), events.anonymous().size());
    }

    private static <T> List<List<T>> batches(List<T> all) {
        int count = (all.size() + BATCH_SIZE - 1) / BATCH_SIZE;
        return IntStream.range(0, count)
                .mapToObj(i -> all.subList(i * BATCH_SIZE, Math.min(all.size(), (i + 1) * BATCH_SIZE)))
                .toList();
    }
}
