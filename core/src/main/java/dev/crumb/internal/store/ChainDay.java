package dev.crumb.internal.store;

import java.time.LocalDate;

/**
 * One day of one visitor's chain of a distinct metric and item; the chain's days ({@link ChainDays}) are
 * stored with the visitor's other chains ({@link VisitorChains}). Ordered by chain, then day.
 */
record ChainDay(String visitorKey, Metric metric, String item, LocalDate day) implements Comparable<ChainDay> {
    /** The chain this day belongs to. */
    Chain chain() {
        return new Chain(visitorKey, metric, item);
    }

    /**
     * By visitor, metric code, item, then day. Hand-written, as are equals and hashCode: in the writer's profile
     * the generated ones ran as method-handle code that was not inlined ({@code docs/performance.md}, round 11).
     */
    @Override
    public int compareTo(ChainDay other) {
        int order = visitorKey.compareTo(other.visitorKey);
        if (order == 0) {
            order = metric.code().compareTo(other.metric.code());
        }
        if (order == 0) {
            order = item.compareTo(other.item);
        }
        return order != 0 ? order : day.compareTo(other.day);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChainDay that && day.equals(that.day) && metric == that.metric
                && item.equals(that.item) && visitorKey.equals(that.visitorKey);
    }

    @Override
    public int hashCode() {
        return ((visitorKey.hashCode() * 31 + metric.hashCode()) * 31 + item.hashCode()) * 31 + day.hashCode();
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
