package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.store.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random page views give the same summary in H2 as in the brute-force in-memory store. */
class SummaryPropertiesTest {
    private static final Instant START = Instant.parse("2025-03-10T00:00:00Z");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Property(tries = 30)
    @Label("H2 and the in-memory store compute the same summary for any page views, batches and range")
    void sameSummaryAsInMemory(@ForAll("pageViews") @Size(max = 60) List<PageView> views,
                               @ForAll("anonymousViews") @Size(max = 10) List<AnonymousPageView> anonymous,
                               @ForAll @IntRange(min = 1, max = 7) int batchSize,
                               @ForAll @IntRange(min = 0, max = 3) int fromDay,
                               @ForAll @IntRange(min = 0, max = 3) int days) {
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, anonymous);
        try (CrumbStore h2 = CrumbStores.jdbc("jdbc:h2:mem:property-" + DATABASES.incrementAndGet(), "sa", "")) {
            for (List<PageView> batch : Events.shuffledBatches(views, batchSize, views.size())) {
                h2.events().write(batch, List.of());
            }
            h2.events().write(List.of(), anonymous);
            LocalDate from = LocalDate.parse("2025-03-10").plusDays(fromDay);
            LocalDate to = from.plusDays(days);

            assertThat(h2.analytics().summary(from, to)).isEqualTo(oracle.summary(from, to));
        }
    }

    @Property(tries = 15)
    @Label("H2 agrees with the in-memory store on every sub-range when visitors come back over many days, out of order")
    void sameOnEveryRangeForLongHistories(@ForAll("longHistories") @Size(max = 120) List<PageView> views,
                                          @ForAll @IntRange(min = 1, max = 25) int batchSize) {
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, List.of());
        try (CrumbStore h2 = CrumbStores.jdbc("jdbc:h2:mem:property-" + DATABASES.incrementAndGet(), "sa", "")) {
            for (List<PageView> batch : Events.shuffledBatches(views, batchSize, views.size())) {
                h2.events().write(batch, List.of());
            }
            LocalDate first = LocalDate.parse("2025-03-10");
            for (int from = 0; from < 8; from++) {
                for (int to = from; to < 8; to++) {
                    LocalDate a = first.plusDays(from);
                    LocalDate b = first.plusDays(to);
                    assertThat(h2.analytics().summary(a, b)).as("%s..%s", a, b).isEqualTo(oracle.summary(a, b));
                }
            }
        }
    }

    /** Few visitors with many visits over eight days: long chains, gaps filled late, visits moved by late views. */
    @Provide
    Arbitrary<List<PageView>> longHistories() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 8L * 86_400_000 - 1),
                Arbitraries.of("v1", "v2", "v3"),
                Arbitraries.integers().between(1, 8),
                Arbitraries.of("/", "/a", "/b"),
                Arbitraries.of("DE", "US", "FR"),
                Arbitraries.of("de", "en"),
                Arbitraries.of("x.com", "y.com").injectNull(0.6))
                .as((ms, visitor, visit, path, country, language, referrer) -> new PageView(START.plusMillis(ms),
                        visitor, visit, path, country, language, referrer)).list();
    }

    @Provide
    Arbitrary<List<PageView>> pageViews() {
        Arbitrary<PageView> view = Combinators.combine(
                // Any millisecond of four days, or one of a few instants that make ties and midnight crossings likely.
                Arbitraries.oneOf(Arbitraries.longs().between(0, 4L * 86_400_000),
                        Arbitraries.of(0L, 1_000L, 86_399_999L, 86_400_000L, 86_400_001L)),
                Arbitraries.of("v1", "v2", "v3", "v4", "v5"),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of("/", "/a", "/b", "/c"),
                Arbitraries.of("DE", "US"),
                Arbitraries.of("de", "en"),
                Arbitraries.of("", "x.com", "y.com").injectNull(0.5))
                .as((ms, visitor, visit, path, country, language, referrer) -> new PageView(START.plusMillis(ms),
                        visitor, visit, path, country, language, referrer));
        return view.list();
    }

    @Provide
    Arbitrary<List<AnonymousPageView>> anonymousViews() {
        return Combinators.combine(Arbitraries.longs().between(0, 5L * 86_400_000), Arbitraries.of("/", "/a"))
                .as((ms, path) -> new AnonymousPageView(START.plusMillis(ms), path)).list();
    }
}
