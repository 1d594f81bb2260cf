package dev.crumb.demo.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.crumb.demo.shop.Catalog;
import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo data seeder")
class DemoDataSeederTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 24);

    private final DemoDataSeeder seeder = new DemoDataSeeder(42, Catalog.officeSupplies());
    private final DemoDataSeeder.Events events = seeder.generate(LAST_DAY, 28);

    private Collection<List<PageView>> visits() {
        return events.pageViews().stream()
                .collect(Collectors.groupingBy(v -> v.visitorKey() + "#" + v.visit())).values();
    }

    @Test
    @DisplayName("makes the same events from the same seed, and different ones from another")
    void deterministic() {
        assertThat(new DemoDataSeeder(42, Catalog.officeSupplies()).generate(LAST_DAY, 28)).isEqualTo(events);
        assertThat(new DemoDataSeeder(43, Catalog.officeSupplies()).generate(LAST_DAY, 28)).isNotEqualTo(events);
    }

    @Test
    @DisplayName("puts every event inside the range, in time order")
    void insideRange() {
        assertThat(events.pageViews()).allSatisfy(v -> assertThat(LocalDate.ofInstant(v.at(), ZoneOffset.UTC))
                .isBetween(LAST_DAY.minusDays(27), LAST_DAY));
        assertThat(events.pageViews()).isSortedAccordingTo(java.util.Comparator.comparing(PageView::at));
        assertThat(events.anonymous()).isSortedAccordingTo(java.util.Comparator.comparing(AnonymousPageView::at));
    }

    @Test
    @DisplayName("makes a few weeks' worth: dozens of visits a day, fewer at weekends")
    void volume() {
        Map<LocalDate, Long> perDay = events.pageViews().stream()
                .collect(Collectors.groupingBy(v -> LocalDate.ofInstant(v.at(), ZoneOffset.UTC), Collectors.counting()));

        assertThat(perDay).hasSize(28);
        assertThat(events.pageViews().size()).isBetween(1_000, 3_000);
        assertThat(perDay.get(LocalDate.of(2026, 11, 22))).isLessThan(perDay.get(LocalDate.of(2026, 11, 24)));
    }

    @Test
    @DisplayName("has returning visitors, bounces and longer visits")
    void visitShapes() {
        assertThat(events.pageViews()).anySatisfy(v -> assertThat(v.visit()).isGreaterThan(1));
        assertThat(visits()).anySatisfy(visit -> assertThat(visit).hasSize(1));
        assertThat(visits()).anySatisfy(visit -> assertThat(visit).hasSizeGreaterThan(3));
    }

    @Test
    @DisplayName("spreads visitors over several countries and languages")
    void localesVary() {
        assertThat(events.pageViews().stream().map(PageView::country).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(events.pageViews().stream().map(PageView::language).distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @DisplayName("gives referrers only to the first page view of a visit")
    void referrers() {
        assertThat(visits()).allSatisfy(visit -> assertThat(visit.subList(1, visit.size()))
                .allSatisfy(v -> assertThat(v.referrerHost()).isNull()));
        assertThat(events.pageViews()).anySatisfy(v -> assertThat(v.referrerHost()).isEqualTo("www.google.com"));
    }

    @Test
    @DisplayName("visits only paths this site has, and makes anonymous views for visitors without consent")
    void paths() {
        assertThat(events.pageViews()).allSatisfy(v -> assertThat(v.path())
                .matches("/|/products(/[a-z0-9-]+)?|/cart|/account|/support(/thanks)?|/contact(/thanks)?|/privacy"));
        assertThat(events.anonymous()).isNotEmpty();
    }

    @Test
    @DisplayName("refuses a range of no days or of more than a year")
    void badRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> seeder.generate(LAST_DAY, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> seeder.generate(LAST_DAY, 367));
    }
}
