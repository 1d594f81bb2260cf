package dev.crumb.internal.store;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One day of one visitor's chain of a distinct metric and item; the chain's days ({@link ChainDays}) are
 * stored with the visitor's other chains ({@link VisitorChains}). Ordered by chain, then day.
 */
record ChainDay(String visitorKey, Metric metric, String item, LocalDate day) implements Comparable<ChainDay> {
    private static final Comparator<ChainDay> ORDER = Comparator.comparing(ChainDay::visitorKey)
            .thenComparing(k -> k.metric().code()).thenComparing(ChainDay::item).thenComparing(ChainDay::day);

    /** The chain this day belongs to. */
    Chain chain() {
        return new Chain(visitorKey, metric, item);
    }

    @Override
    public int compareTo(ChainDay other) {
        return ORDER.compare(this, other);
    }

    /** A visitor's chain of one metric and item. */
    record Chain(String visitorKey, Metric metric, String item) {}

    /**
     * What is stored about a chain day before the batch: its weight (0 when the day is not in the chain)
     * and the chain's nearest days before and after it ({@code null} when there are none).
     */
    record Stored(long weight, LocalDate previous, LocalDate next) {
        static final Stored ABSENT = new Stored(0, null, null);
    }
}
