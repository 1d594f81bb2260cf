package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Summary plan: which days come from month rollups")
class SummaryPlanTest {
    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static Set<LocalDate> months(String... firstDays) {
        Set<LocalDate> months = new TreeSet<>();
        for (String day : firstDays) {
            months.add(LocalDate.parse(day));
        }
        return months;
    }

    @Test
    @DisplayName("whole rolled-up months in a range come from the month rows; the cut months' days from the day rows")
    void wholeMonthsInTheMiddle() {
        SummaryPlan plan = SummaryPlan.of(range("2025-01-15", "2025-04-10"),
                months("2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"));

        assertThat(plan.days()).containsExactly(range("2025-01-15", "2025-01-31"), range("2025-04-01", "2025-04-10"));
        assertThat(plan.months()).containsExactly(range("2025-02-01", "2025-03-31"));
    }

    @Test
    @DisplayName("a month that is not rolled up splits the runs of months")
    void gapSplitsRuns() {
        SummaryPlan plan = SummaryPlan.of(range("2025-01-01", "2025-03-31"), months("2025-01-01", "2025-03-01"));

        assertThat(plan.days()).containsExactly(range("2025-02-01", "2025-02-28"));
        assertThat(plan.months()).containsExactly(range("2025-01-01", "2025-01-31"), range("2025-03-01", "2025-03-31"));
    }

    @Test
    @DisplayName("with nothing rolled up, or a range within one month, the plan is the range's days")
    void nothingRolledUp() {
        assertThat(SummaryPlan.of(range("2025-01-01", "2025-03-31"), Set.of()))
                .isEqualTo(new SummaryPlan(List.of(range("2025-01-01", "2025-03-31")), List.of()));
        assertThat(SummaryPlan.of(range("2025-02-02", "2025-02-28"), months("2025-02-01")))
                .isEqualTo(new SummaryPlan(List.of(range("2025-02-02", "2025-02-28")), List.of()));
    }

    @Test
    @DisplayName("on every range of eight months and every set of rolled-up months, each day is read exactly once")
    void everyDayOnce() {
        LocalDate first = LocalDate.parse("2024-11-01");
        LocalDate last = LocalDate.parse("2025-06-30");
        List<LocalDate> monthStarts = new ArrayList<>();
        for (LocalDate m = first; m.isBefore(last); m = m.plusMonths(1)) {
            monthStarts.add(m);
        }
        for (int mask = 0; mask < 1 << monthStarts.size(); mask += 7) {
            Set<LocalDate> rolledUp = new TreeSet<>();
            for (int i = 0; i < monthStarts.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    rolledUp.add(monthStarts.get(i));
                }
            }
            for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(9)) {
                for (LocalDate to = from; !to.isAfter(last); to = to.plusDays(13)) {
                    assertCoversOnce(new DateRange(from, to), rolledUp);
                }
            }
        }
    }

    private static void assertCoversOnce(DateRange range, Set<LocalDate> rolledUp) {
        SummaryPlan plan = SummaryPlan.of(range, rolledUp);
        List<LocalDate> covered = new ArrayList<>();
        plan.days().forEach(days -> days.from().datesUntil(days.to().plusDays(1)).forEach(covered::add));
        for (DateRange run : plan.months()) {
            assertThat(run.from().getDayOfMonth()).as("run %s of %s", run, range).isEqualTo(1);
            assertThat(run.to()).isEqualTo(MonthRollups.lastDayOf(MonthRollups.monthOf(run.to())));
            run.from().datesUntil(run.to().plusDays(1)).forEach(day -> {
                assertThat(rolledUp).as("%s of %s", day, range).contains(MonthRollups.monthOf(day));
                covered.add(day);
            });
        }
        for (LocalDate month : rolledUp) {
            if (range.contains(month) && range.contains(MonthRollups.lastDayOf(month))) {
                assertThat(plan.months()).as("%s rolled up, whole in %s", month, range)
                        .anySatisfy(run -> assertThat(run.contains(month)).isTrue());
            }
        }
        covered.sort(null);
        assertThat(covered).as("%s with %s", range, rolledUp)
                .isEqualTo(range.from().datesUntil(range.to().plusDays(1)).toList());
    }
}
