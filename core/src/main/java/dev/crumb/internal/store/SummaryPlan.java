package dev.crumb.internal.store;

import dev.crumb.store.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a summary reads each day of its range from: the rolled-up months that lie whole in the range come from
 * the month rows ({@link MonthRollups}), in runs of consecutive months; every other day from the day rows.
 *
 * @param days   the ranges read from the day rows, in order
 * @param months the runs of rolled-up months, each from its first month's first day to its last month's last day
 */
record SummaryPlan(List<DateRange> days, List<DateRange> months) {
    SummaryPlan {
        days = List.copyOf(days);
        months = List.copyOf(months);
    }

    static SummaryPlan of(DateRange range, Set<LocalDate> rolledUp) {
        List<DateRange> days = new ArrayList<>();
        List<DateRange> months = new ArrayList<>();
        LocalDate next = range.from();
        LocalDate runStart = null;
        for (LocalDate month = MonthRollups.monthOf(range.from()); !month.isAfter(range.to());
                month = month.plusMonths(1)) {
            LocalDate last = MonthRollups.lastDayOf(month);
            boolean whole = !month.isBefore(range.from()) && !last.isAfter(range.to());
            if (whole && rolledUp.contains(month)) {
                if (next.isBefore(month)) {
                    days.add(new DateRange(next, month.minusDays(1)));
                }
                if (runStart == null) {
                    runStart = month;
                }
                next = last.plusDays(1);
            } else if (runStart != null) {
                months.add(new DateRange(runStart, month.minusDays(1)));
                runStart = null;
            }
        }
        if (runStart != null) {
            months.add(new DateRange(runStart, next.minusDays(1)));
        }
        if (!next.isAfter(range.to())) {
            days.add(new DateRange(next, range.to()));
        }
        return new SummaryPlan(days, months);
    }
}
