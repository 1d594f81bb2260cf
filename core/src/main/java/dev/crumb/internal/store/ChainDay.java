package dev.crumb.internal.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * One day of one visitor's chain of a distinct metric and item; the chain's days are one row of
 * {@code crumb_chain} ({@link ChainDays}). Ordered by chain, then day.
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

    /** A visitor's chain of one metric and item: the primary key of {@code crumb_chain}. */
    record Chain(String visitorKey, Metric metric, String item) {
        /** The primary key's order. */
        static final Comparator<Chain> ORDER = Comparator.comparing(Chain::visitorKey)
                .thenComparing(c -> c.metric().code()).thenComparing(Chain::item);
        /** Rewrites a chain's row: bind the first day, the days, then the key ({@link #bind} from 3). */
        static final String UPDATE_ROW = "UPDATE crumb_chain SET first_day = ?, days = ?"
                + " WHERE visitor_key = ? AND metric = ? AND item = ?";
        /** Deletes a chain's row: bind the key ({@link #bind} from 1). */
        static final String DELETE_ROW = "DELETE FROM crumb_chain WHERE visitor_key = ? AND metric = ? AND item = ?";

        /** Binds this key to the three parameters from {@code first} on. */
        void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, visitorKey);
            statement.setString(first + 1, metric.code());
            statement.setString(first + 2, item);
        }
    }

    /**
     * What is stored about a chain day before the batch: its weight (0 when the day is not in the chain)
     * and the chain's nearest days before and after it ({@code null} when there are none).
     */
    record Stored(long weight, LocalDate previous, LocalDate next) {
        static final Stored ABSENT = new Stored(0, null, null);
    }
}
