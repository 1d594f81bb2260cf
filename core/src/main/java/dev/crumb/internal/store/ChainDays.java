package dev.crumb.internal.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
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
 * <p>Immutable. Days are kept as two sorted arrays (epoch days and weights): the writer decodes, changes
 * and encodes a chain for every visitor of a batch, and maps of boxed days cost more than the rest of it.
 */
final class ChainDays {
    static final ChainDays NONE = new ChainDays(new long[0], new long[0]);

    private final long[] epochDays;
    private final long[] weights;

    private ChainDays(long[] epochDays, long[] weights) {
        this.epochDays = epochDays;
        this.weights = weights;
    }

    /** A chain of the given days and weights, all above zero. */
    ChainDays(Map<LocalDate, Long> days) {
        this(new long[days.size()], new long[days.size()]);
        int i = 0;
        for (Map.Entry<LocalDate, Long> day : new TreeMap<>(days).entrySet()) {
            if (day.getValue() <= 0) {
                throw new IllegalArgumentException("a chain day's weight must be above zero, not " + day.getValue());
            }
            epochDays[i] = day.getKey().toEpochDay();
            weights[i++] = day.getValue();
        }
    }

    /** The weight of each day in the chain. */
    NavigableMap<LocalDate, Long> days() {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < epochDays.length; i++) {
            days.put(LocalDate.ofEpochDay(epochDays[i]), weights[i]);
        }
        return Collections.unmodifiableNavigableMap(days);
    }

    /** Reads a chain's days as {@link #encoded} wrote them, given its first day. */
    static ChainDays decode(LocalDate firstDay, String encoded) {
        int entries = encoded.isEmpty() ? 0 : 1;
        for (int i = 0; i < encoded.length(); i++) {
            entries += encoded.charAt(i) == ',' ? 1 : 0;
        }
        long[] days = new long[entries];
        long[] weights = new long[entries];
        long epochDay = firstDay.toEpochDay();
        int at = 0;
        int length = encoded.length();
        try {
            for (int n = 0; n < entries; n++) {
                int end = encoded.indexOf(',', at);
                end = end < 0 ? length : end;
                int star = encoded.indexOf('*', at);
                boolean weighted = star >= 0 && star < end;
                long gap = Long.parseLong(encoded, at, weighted ? star : end, 10);
                long weight = weighted ? Long.parseLong(encoded, star + 1, end, 10) : 1;
                if (weight <= 0 || gap < 0 || n > 0 && gap == 0) {
                    throw new NumberFormatException("weight " + weight + " or a repeated day");
                }
                epochDay += gap;
                days[n] = epochDay;
                weights[n] = weight;
                at = end + 1;
            }
            if (entries > 0 && days[entries - 1] > LocalDate.MAX.toEpochDay()) {
                throw new NumberFormatException("a day after " + LocalDate.MAX);
            }
        } catch (NumberFormatException e) {
            throw new IllegalStateException("a visitor-day chain cannot be read (" + e.getMessage()
                    + "); was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?", e);
        }
        if (entries > 0 && days[0] != firstDay.toEpochDay()) {
            throw new IllegalStateException("a visitor-day chain does not start on its first day; was a table of "
                    + VisitorKeyTables.ANALYTICS + " changed by hand?");
        }
        return new ChainDays(days, weights);
    }

    /** The chain's days relative to its first day (see the class comment); {@code ""} for an empty chain. */
    String encoded() {
        StringBuilder text = new StringBuilder(epochDays.length * 3);
        for (int i = 0; i < epochDays.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(i == 0 ? 0 : epochDays[i] - epochDays[i - 1]);
            if (weights[i] != 1) {
                text.append('*').append(weights[i]);
            }
        }
        return text.toString();
    }

    /** The chain's first day; {@code null} for an empty chain, which is not stored. */
    LocalDate firstDay() {
        return epochDays.length == 0 ? null : LocalDate.ofEpochDay(epochDays[0]);
    }

    boolean isEmpty() {
        return epochDays.length == 0;
    }

    /** What is stored about {@code day}: its weight (0 if not in the chain) and the chain's days around it. */
    ChainDay.Stored at(LocalDate day) {
        int i = Arrays.binarySearch(epochDays, day.toEpochDay());
        boolean present = i >= 0;
        int before = present ? i - 1 : -i - 2;
        int after = present ? i + 1 : -i - 1;
        return new ChainDay.Stored(present ? weights[i] : 0, before >= 0 ? LocalDate.ofEpochDay(epochDays[before])
                : null, after < epochDays.length ? LocalDate.ofEpochDay(epochDays[after]) : null);
    }

    /** This chain with each day of {@code changes} at its weight, or without the day when its weight is 0. */
    ChainDays with(Map<LocalDate, Long> changes) {
        long[] changedDays = new long[changes.size()];
        long[] changedWeights = new long[changes.size()];
        int n = 0;
        for (Map.Entry<LocalDate, Long> change : (changes instanceof SortedMap<LocalDate, Long> sorted
                && sorted.comparator() == null ? changes : new TreeMap<>(changes)).entrySet()) {
            if (change.getValue() < 0) {
                throw new IllegalArgumentException("a chain day's weight must be above zero, not " + change.getValue());
            }
            changedDays[n] = change.getKey().toEpochDay();
            changedWeights[n++] = change.getValue();
        }
        long[] days = new long[epochDays.length + n];
        long[] dayWeights = new long[days.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < epochDays.length || j < n) {
            long day;
            long weight;
            if (j == n || i < epochDays.length && epochDays[i] < changedDays[j]) {
                day = epochDays[i];
                weight = weights[i++];
            } else {
                if (i < epochDays.length && epochDays[i] == changedDays[j]) {
                    i++;
                }
                day = changedDays[j];
                weight = changedWeights[j++];
            }
            if (weight != 0) {
                days[size] = day;
                dayWeights[size++] = weight;
            }
        }
        return new ChainDays(Arrays.copyOf(days, size), Arrays.copyOf(dayWeights, size));
    }

    /** This chain without its days before {@code day}. */
    ChainDays from(LocalDate day) {
        int i = Arrays.binarySearch(epochDays, day.toEpochDay());
        int first = i >= 0 ? i : -i - 1;
        return first == 0 ? this : new ChainDays(Arrays.copyOfRange(epochDays, first, epochDays.length),
                Arrays.copyOfRange(weights, first, weights.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainDays that && Arrays.equals(epochDays, that.epochDays)
                && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochDays) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ChainDays" + days();
    }
}
