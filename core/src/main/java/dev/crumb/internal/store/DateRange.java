package dev.crumb.internal.store;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The inclusive range of UTC days a summary covers, validated the same way by every store. */
record DateRange(LocalDate from, LocalDate to) {
    /** Ten years: enough for any report, small enough that the list of days stays cheap. */
    static final long MAX_DAYS = 3660;

    DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the summary range starts on " + from + ", after its end " + to
                    + "; pass the earlier day as 'from'");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("the summary range covers " + days + " days; ask for at most "
                    + MAX_DAYS + " at a time");
        }
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
