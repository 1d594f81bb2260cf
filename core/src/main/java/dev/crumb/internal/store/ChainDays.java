package dev.crumb.internal.store;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The days of one visitor's chain of a distinct metric and item, with their weights: one entry of a row of
 * {@code crumb_visitor_chains} (V9, {@link VisitorChains}), which holds all of a visitor's chains, so a batch
 * reads a changed day's weight and both of its neighbours with the visitor's one primary-key lookup; visit
 * retention bounds how many days a chain holds (a chain loses its days older than {@code visit-retention}).
 *
 * <p>Encoding of a chain's days, given its first day: one entry per day in day order,
 * separated by {@code ,}; an entry is the number of days since the previous entry (since {@code first_day}
 * for the first, so {@code 0}), followed by {@code *weight} unless the weight is 1. A visitor who comes every
 * day with one visit takes two characters a day: {@code 0,1,1,1}.
 *
 * @param days the weight of each day in the chain, all above zero
 */
record ChainDays(NavigableMap<LocalDate, Long> days) {
    static final ChainDays NONE = new ChainDays(new TreeMap<>());

    ChainDays {
        TreeMap<LocalDate, Long> copy = new TreeMap<>(days);
        copy.forEach((day, weight) -> {
            if (weight <= 0) {
                throw new IllegalArgumentException("a chain day's weight must be above zero, not " + weight);
            }
        });
        days = Collections.unmodifiableNavigableMap(copy);
    }

    /** Reads a chain's days as {@link #encoded} wrote them, given its first day. */
    static ChainDays decode(LocalDate firstDay, String encoded) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        long epochDay = firstDay.toEpochDay();
        int at = 0;
        int length = encoded.length();
        try {
            while (at < length) {
                int end = encoded.indexOf(',', at);
                end = end < 0 ? length : end;
                int star = encoded.indexOf('*', at);
                boolean weighted = star >= 0 && star < end;
                epochDay += Long.parseLong(encoded, at, weighted ? star : end, 10);
                long weight = weighted ? Long.parseLong(encoded, star + 1, end, 10) : 1;
                if (weight <= 0 || days.put(LocalDate.ofEpochDay(epochDay), weight) != null) {
                    throw new NumberFormatException("weight " + weight + " or a repeated day");
                }
                at = end + 1;
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new IllegalStateException("a visitor-day chain cannot be read (" + e.getMessage()
                    + "); was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?", e);
        }
        if (!days.isEmpty() && !days.firstKey().equals(firstDay)) {
            throw new IllegalStateException("a visitor-day chain does not start on its first day; was a table of "
                    + VisitorKeyTables.ANALYTICS + " changed by hand?");
        }
        return new ChainDays(days);
    }

    /** The chain's days relative to its first day (see the class comment); {@code ""} for an empty chain. */
    String encoded() {
        StringBuilder text = new StringBuilder(days.size() * 3);
        long previous = days.isEmpty() ? 0 : days.firstKey().toEpochDay();
        for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
            long epochDay = day.getKey().toEpochDay();
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(epochDay - previous);
            if (day.getValue() != 1) {
                text.append('*').append(day.getValue());
            }
            previous = epochDay;
        }
        return text.toString();
    }

    /** The chain's first day; {@code null} for an empty chain, which is not stored. */
    LocalDate firstDay() {
        return days.isEmpty() ? null : days.firstKey();
    }

    boolean isEmpty() {
        return days.isEmpty();
    }

    /** What is stored about {@code day}: its weight (0 if not in the chain) and the chain's days around it. */
    ChainDay.Stored at(LocalDate day) {
        return new ChainDay.Stored(days.getOrDefault(day, 0L), days.lowerKey(day), days.higherKey(day));
    }

    /** This chain with each day of {@code weights} at its weight, or without the day when its weight is 0. */
    ChainDays with(Map<LocalDate, Long> weights) {
        TreeMap<LocalDate, Long> changed = new TreeMap<>(days);
        weights.forEach((day, weight) -> {
            if (weight == 0) {
                changed.remove(day);
            } else {
                changed.put(day, weight);
            }
        });
        return new ChainDays(changed);
    }

    /** This chain without its days before {@code day}. */
    ChainDays from(LocalDate day) {
        return new ChainDays(days.tailMap(day, true));
    }
}
