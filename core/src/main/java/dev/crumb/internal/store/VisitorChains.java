package dev.crumb.internal.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All of one visitor's visitor-day chains, as the rows of {@code crumb_visitor_chains} (V9) hold them: the
 * chains of a visitor share one row, so a batch that changes several of them (a visit to three new pages
 * changes three {@code page_visitors} chains and maybe {@code visitors} and {@code returning}) rewrites one
 * row instead of one per chain, on one database page instead of several scattered ones. A row holds chains
 * up to {@link #DEFAULT_CAPACITY} characters; a visitor with more (a crawler walking hundreds of paths) gets
 * further rows, numbered by {@code part}. A chain lives in exactly one part; it stays there as it grows, and
 * a new chain joins the last part with room or starts a new one.
 *
 * <p>Encoding of the {@code chains} column: per chain, in any order, {@code m} ({@code v} visitors,
 * {@code r} returning, {@code p} page_visitors), the chain's first day as {@code yyyy-mm-dd}, the item's
 * length in UTF-16 code units, {@code :}, the item, the chain's days as {@link ChainDays} encodes them
 * relative to its first day, and {@code ;}. A visitor's {@code visitors} chain over three days reads
 * {@code v2025-01-010:0,1,1;}.
 *
 * <p>Not thread-safe: the writer builds one per visitor of a batch and drops it when the batch is written.
 */
final class VisitorChains {
    /** Characters of {@code chains} a part may reach before a new chain goes to a new part. */
    static final int DEFAULT_CAPACITY = 4000;
    /** Rewrites a part: {@link Row#bind} binds it. */
    static final String UPDATE_ROW = "UPDATE crumb_visitor_chains SET first_day = ?, chains = ?"
            + " WHERE visitor_key = ? AND part = ?";
    /** Deletes a part: {@link Row#bindKey} from 1. */
    static final String DELETE_ROW = "DELETE FROM crumb_visitor_chains WHERE visitor_key = ? AND part = ?";

    private final String visitorKey;
    private final int capacity;
    private final TreeMap<Integer, TreeMap<ChainKey, ChainDays>> parts = new TreeMap<>();
    private final Map<ChainKey, Integer> location = new HashMap<>();
    private final TreeSet<Integer> stored = new TreeSet<>();
    private final TreeSet<Integer> changed = new TreeSet<>();

    VisitorChains(String visitorKey, int capacity) {
        this.visitorKey = Objects.requireNonNull(visitorKey, "visitorKey");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** One part as read from its row. */
    void addStored(int part, String encoded) {
        TreeMap<ChainKey, ChainDays> chains = decode(encoded);
        if (parts.put(part, chains) != null) {
            throw new IllegalStateException("part " + part + " of a visitor's chains was read twice");
        }
        stored.add(part);
        chains.keySet().forEach(key -> {
            if (location.put(key, part) != null) {
                throw new IllegalStateException("a chain of metric " + key.metric().code() + " is in two rows of"
                        + " crumb_visitor_chains; was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?");
            }
        });
    }

    /** The stored days of the chain of {@code metric} and {@code item} ({@link ChainDays#NONE} if none). */
    ChainDays get(Metric metric, String item) {
        ChainKey key = new ChainKey(metric, item);
        Integer part = location.get(key);
        return part == null ? ChainDays.NONE : parts.get(part).get(key);
    }

    /** Sets the chain's days; an empty chain is removed. A new chain joins the last part with room. */
    void put(Metric metric, String item, ChainDays days) {
        ChainKey key = new ChainKey(metric, item);
        Integer part = location.get(key);
        if (part == null) {
            if (days.isEmpty()) {
                return;
            }
            part = partWithRoomFor(key, days);
            parts.computeIfAbsent(part, p -> new TreeMap<>());
            location.put(key, part);
        }
        if (days.isEmpty()) {
            parts.get(part).remove(key);
            location.remove(key);
        } else {
            parts.get(part).put(key, days);
        }
        changed.add(part);
    }

    private int partWithRoomFor(ChainKey key, ChainDays days) {
        if (parts.isEmpty()) {
            return 0;
        }
        int last = parts.lastKey();
        int size = encodedLength(parts.get(last));
        return size == 0 || size + entryLength(key, days) <= capacity ? last : last + 1;
    }

    /** The rows to write for the parts {@link #put} changed, in part order. */
    List<Row> changedRows() {
        List<Row> rows = new ArrayList<>();
        for (int part : changed) {
            TreeMap<ChainKey, ChainDays> chains = parts.get(part);
            rows.add(new Row(visitorKey, part, stored.contains(part), chains.isEmpty() ? null : firstDay(chains),
                    chains.isEmpty() ? null : encode(chains)));
        }
        return rows;
    }

    /** Every chain of this visitor without its days before {@code day}: for visit retention. */
    void trimBefore(LocalDate day) {
        for (Map.Entry<Integer, TreeMap<ChainKey, ChainDays>> part : parts.entrySet()) {
            for (Map.Entry<ChainKey, ChainDays> chain : new ArrayList<>(part.getValue().entrySet())) {
                ChainDays kept = chain.getValue().from(day);
                if (!kept.equals(chain.getValue())) {
                    put(chain.getKey().metric(), chain.getKey().item(), kept);
                }
            }
        }
    }

    /**
     * A row to write: inserted when not {@code stored}, deleted when {@code encoded} is {@code null} (the
     * part holds no chain any more), else updated.
     */
    record Row(String visitorKey, int part, boolean stored, LocalDate firstDay, String encoded) {
        boolean isDelete() {
            return encoded == null;
        }

        /** Binds the key, {@code visitor_key} and {@code part}, from parameter {@code first} on. */
        void bindKey(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, visitorKey);
            statement.setInt(first + 1, part);
        }

        /**
         * Binds the row to {@link #UPDATE_ROW} ({@code update}) or to an insert of {@code visitor_key, part,
         * first_day, chains}.
         */
        void bind(PreparedStatement statement, boolean update) throws SQLException {
            int key = update ? 3 : 1;
            int value = update ? 1 : 3;
            bindKey(statement, key);
            statement.setObject(value, firstDay);
            statement.setString(value + 1, encoded);
        }
    }

    /** A chain of a visitor: its metric and item. */
    record ChainKey(Metric metric, String item) implements Comparable<ChainKey> {
        @Override
        public int compareTo(ChainKey other) {
            int byMetric = metric.code().compareTo(other.metric.code());
            return byMetric != 0 ? byMetric : item.compareTo(other.item);
        }
    }

    private static LocalDate firstDay(Map<ChainKey, ChainDays> chains) {
        LocalDate first = null;
        for (ChainDays days : chains.values()) {
            if (first == null || days.firstDay().isBefore(first)) {
                first = days.firstDay();
            }
        }
        return first;
    }

    static String encode(SortedMap<ChainKey, ChainDays> chains) {
        StringBuilder text = new StringBuilder();
        chains.forEach((key, days) -> text.append(letter(key.metric())).append(days.firstDay())
                .append(key.item().length()).append(':').append(key.item()).append(days.encoded()).append(';'));
        return text.toString();
    }

    private static int encodedLength(Map<ChainKey, ChainDays> chains) {
        int length = 0;
        for (Map.Entry<ChainKey, ChainDays> chain : chains.entrySet()) {
            length += entryLength(chain.getKey(), chain.getValue());
        }
        return length;
    }

    private static int entryLength(ChainKey key, ChainDays days) {
        return 1 + 10 + String.valueOf(key.item().length()).length() + 1 + key.item().length()
                + days.encoded().length() + 1;
    }

    static TreeMap<ChainKey, ChainDays> decode(String encoded) {
        TreeMap<ChainKey, ChainDays> chains = new TreeMap<>();
        int at = 0;
        try {
            while (at < encoded.length()) {
                Metric metric = metric(encoded.charAt(at));
                LocalDate first = LocalDate.parse(encoded.substring(at + 1, at + 11));
                int colon = encoded.indexOf(':', at + 11);
                int length = Integer.parseInt(encoded, at + 11, colon, 10);
                String item = encoded.substring(colon + 1, colon + 1 + length);
                int end = encoded.indexOf(';', colon + 1 + length);
                if (end < 0) {
                    throw new IllegalArgumentException("no ';' after the chain of '" + item + "'");
                }
                ChainDays days = ChainDays.decode(first, encoded.substring(colon + 1 + length, end));
                if (days.isEmpty() || chains.put(new ChainKey(metric, item), days) != null) {
                    throw new IllegalArgumentException("an empty or repeated chain");
                }
                at = end + 1;
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            throw new IllegalStateException("a row of crumb_visitor_chains cannot be read (" + e.getMessage()
                    + "); was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?", e);
        }
        return chains;
    }

    private static char letter(Metric metric) {
        return switch (metric) {
            case VISITORS -> 'v';
            case RETURNING -> 'r';
            case PAGE_VISITORS -> 'p';
            default -> throw new IllegalArgumentException("metric " + metric + " has no visitor-day chains");
        };
    }

    private static Metric metric(char letter) {
        return switch (letter) {
            case 'v' -> Metric.VISITORS;
            case 'r' -> Metric.RETURNING;
            case 'p' -> Metric.PAGE_VISITORS;
            default -> throw new IllegalArgumentException("unknown chain metric '" + letter + "'");
        };
    }

    /** The chains of one part, for tests. */
    SortedMap<ChainKey, ChainDays> part(int part) {
        return Collections.unmodifiableSortedMap(parts.getOrDefault(part, new TreeMap<>()));
    }
}
