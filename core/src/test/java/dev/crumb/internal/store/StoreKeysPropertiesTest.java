package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.BiPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The writer's map and sort keys, whose equals, hashCode and compareTo are hand-written for speed: they agree with
 * each other and with the component-wise equality a record would have, over small domains so that equal keys
 * turn up often.
 */
class StoreKeysPropertiesTest {

    private static Arbitrary<String> visitors() {
        return Arbitraries.of("a", "b", "ab");
    }

    private static Arbitrary<String> items() {
        return Arbitraries.of("", "/", "/x", "DE");
    }

    private static Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 3).map(n -> LocalDate.of(2025, 1, 30).plusDays(n));
    }

    private static Arbitrary<Metric> metrics() {
        return Arbitraries.of(Metric.VISITORS, Metric.RETURNING, Metric.PAGE_VISITORS, Metric.VISITS);
    }

    @Provide
    Arbitrary<ChainDay> chainDays() {
        return Combinators.combine(visitors(), metrics(), items(), days()).as(ChainDay::new);
    }

    @Provide
    Arbitrary<VisitorDay> visitorDays() {
        return Combinators.combine(visitors(), days()).as(VisitorDay::new);
    }

    @Provide
    Arbitrary<VisitId> visitIds() {
        return Combinators.combine(visitors(), Arbitraries.integers().between(1, 3)).as(VisitId::new);
    }

    @Provide
    Arbitrary<DayCounts.DayKey> dayKeys() {
        return Combinators.combine(days(), metrics(), items()).as(DayCounts.DayKey::new);
    }

    @Provide
    Arbitrary<DayCounts.RepeatKey> repeatKeys() {
        return Combinators.combine(days(), days(), metrics(), items()).as(DayCounts.RepeatKey::new);
    }

    @Provide
    Arbitrary<VisitorChains.ChainKey> chainKeys() {
        return Combinators.combine(metrics(), items()).as(VisitorChains.ChainKey::new);
    }

    private static <T extends Comparable<T>> void agree(T a, T b, BiPredicate<T, T> sameComponents) {
        assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(sameComponents.test(a, b));
        assertThat(a.compareTo(b) == 0).as("%s compareTo %s", a, b).isEqualTo(a.equals(b));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        assertThat(a).isNotEqualTo("not a key");
    }

    @Property(tries = 300)
    void chainDays(@ForAll("chainDays") ChainDay a, @ForAll("chainDays") ChainDay b) {
        agree(a, b, (x, y) -> x.visitorKey().equals(y.visitorKey()) && x.metric() == y.metric()
                && x.item().equals(y.item()) && x.day().equals(y.day()));
        if (a.visitorKey().equals(b.visitorKey()) && a.metric() == b.metric() && a.item().equals(b.item())) {
            assertThat(Integer.signum(a.compareTo(b))).as("same chain: by day").isEqualTo(
                    Integer.signum(a.day().compareTo(b.day())));
        }
    }

    @Property(tries = 200)
    void visitorDays(@ForAll("visitorDays") VisitorDay a, @ForAll("visitorDays") VisitorDay b) {
        agree(a, b, (x, y) -> x.visitorKey().equals(y.visitorKey()) && x.day().equals(y.day()));
    }

    @Property(tries = 200)
    void visitIds(@ForAll("visitIds") VisitId a, @ForAll("visitIds") VisitId b) {
        agree(a, b, (x, y) -> x.visitorKey().equals(y.visitorKey()) && x.visit() == y.visit());
        if (a.visitorKey().equals(b.visitorKey())) {
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(Integer.compare(a.visit(), b.visit())));
        }
    }

    @Provide
    Arbitrary<BatchMerge.VisitPage> visitPages() {
        return Combinators.combine(visitors(), Arbitraries.integers().between(1, 3), items())
                .as(BatchMerge.VisitPage::new);
    }

    @Property(tries = 300)
    void visitPages(@ForAll("visitPages") BatchMerge.VisitPage a, @ForAll("visitPages") BatchMerge.VisitPage b) {
        agree(a, b, (x, y) -> x.visitorKey().equals(y.visitorKey()) && x.visitNumber() == y.visitNumber()
                && x.path().equals(y.path()));
        int byVisit = a.visit().compareTo(b.visit());
        if (byVisit != 0) {
            assertThat(Integer.signum(a.compareTo(b))).as("by visit first").isEqualTo(Integer.signum(byVisit));
        } else {
            assertThat(Integer.signum(a.compareTo(b))).as("then by path")
                    .isEqualTo(Integer.signum(a.path().compareTo(b.path())));
        }
    }

    @Property(tries = 200)
    void dayKeys(@ForAll("dayKeys") DayCounts.DayKey a, @ForAll("dayKeys") DayCounts.DayKey b) {
        agree(a, b, (x, y) -> x.day().equals(y.day()) && x.metric() == y.metric() && x.item().equals(y.item()));
        if (!a.day().equals(b.day())) {
            assertThat(Integer.signum(a.compareTo(b))).as("by day first").isEqualTo(
                    Integer.signum(a.day().compareTo(b.day())));
        }
    }

    @Property(tries = 300)
    void repeatKeys(@ForAll("repeatKeys") DayCounts.RepeatKey a, @ForAll("repeatKeys") DayCounts.RepeatKey b) {
        agree(a, b, (x, y) -> x.day().equals(y.day()) && x.previousDay().equals(y.previousDay())
                && x.metric() == y.metric() && x.item().equals(y.item()));
    }

    @Property(tries = 200)
    void chainKeys(@ForAll("chainKeys") VisitorChains.ChainKey a, @ForAll("chainKeys") VisitorChains.ChainKey b) {
        agree(a, b, (x, y) -> x.metric() == y.metric() && x.item().equals(y.item()));
    }
}
