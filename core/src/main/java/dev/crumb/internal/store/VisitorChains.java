package dev.crumb.internal.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * <p>Since V11 a row also holds the earliest visit of each of the visitor's visitor-days (what
 * {@code crumb_visitor_day} held before), which the writer reads and changes with the chains: one row per
 * visitor and batch instead of one per visitor-day more. A visitor-day's entry lives in one part, like a chain.
 *
 * <p>Encoding of the {@code chains} column, entries in any order:
 * <ul>
 *   <li>a chain: {@code m} ({@code v} visitors, {@code r} returning, {@code p} page_visitors), the chain's first
 *   day as {@code yyyy-mm-dd}, the item's length in UTF-16 code units, {@code :}, the item, the chain's days as
 *   {@link ChainDays} encodes them relative to its first day, and {@code ;}. A visitor's {@code visitors} chain
 *   over three days reads {@code v2025-01-010:0,1,1;};</li>
 *   <li>a visitor-day's earliest visit: {@code e}, the day as {@code yyyy-mm-dd}, the visit's first page view
 *   in epoch milliseconds, {@code ,}, the visit's number, {@code ,}, the entry country's length, {@code :}, the
 *   country, the entry language's length, {@code :}, the language, and {@code ;}:
 *   {@code e2025-01-051736071200000,1,2:DE2:de;}.</li>
 * </ul>
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
    /**
     * Every entry of the visitor, each knowing its part: a hash map, not one sorted map per part, because a
     * batch reads every entry of its visitors' rows and looks up only a few; a part's entries are sorted when
     * it is written ({@link #changedRows}). Linked, so that they come out in the order the rows stored them
     * (sorted) with the batch's new entries after them: the sort then merges a few entries into one run.
     */
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    /** Each part's length in characters; a part stays here once it exists, even when it is emptied. */
    private final TreeMap<Integer, Integer> lengths = new TreeMap<>();
    private final TreeSet<Integer> stored = new TreeSet<>();
    private final TreeSet<Integer> changed = new TreeSet<>();

    VisitorChains(String visitorKey, int capacity) {
        this.visitorKey = Objects.requireNonNull(visitorKey, "visitorKey");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** One part as read from its row. Its chains are decoded only when {@link #get} asks for them. */
    void addStored(int part, String encoded) {
        if (lengths.put(part, encoded.length()) != null) {
            throw new IllegalStateException("part " + part + " of a visitor's chains was read twice");
        }
        stored.add(part);
        scan(encoded, part, entries);
    }

    /** The stored days of the chain of {@code metric} and {@code item} ({@link ChainDays#NONE} if none). */
    ChainDays get(Metric metric, String item) {
        Entry entry = entries.get(Key.of(new ChainKey(metric, item)));
        return entry == null ? ChainDays.NONE : entry.days();
    }

    /** Sets the chain's days; an empty chain is removed. A new chain joins the last part with room. */
    void put(Metric metric, String item, ChainDays days) {
        ChainKey chain = new ChainKey(metric, item);
        put(Key.of(chain), days.isEmpty() ? null : Entry.of(chain, days));
    }

    /** The earliest visit of the visitor-day {@code day}, or {@code null} when no visit starts on it. */
    VisitorDay.Earliest earliest(LocalDate day) {
        Entry entry = entries.get(Key.of(day));
        return entry == null ? null : entry.earliest();
    }

    /** Sets the earliest visit of the visitor-day {@code day}; {@code null} removes the day. */
    void putEarliest(LocalDate day, VisitorDay.Earliest earliest) {
        put(Key.of(day), earliest == null ? null : Entry.of(day, earliest));
    }

    /** Whether {@link #changedRows} has rows to write. */
    boolean isChanged() {
        return !changed.isEmpty();
    }

    /** Sets or ({@code entry} null) removes the entry of {@code key}; an entry keeps the part it is in. */
    private void put(Key key, Entry entry) {
        Entry old = entries.get(key);
        if (old == null && entry == null) {
            return;
        }
        int part = old != null ? old.part : partWithRoomFor(entry.text.length());
        if (entry == null) {
            entries.remove(key);
        } else {
            entries.put(key, entry.in(part));
        }
        lengths.merge(part, (entry == null ? 0 : entry.text.length()) - (old == null ? 0 : old.text.length()),
                Integer::sum);
        changed.add(part);
    }

    private int partWithRoomFor(int length) {
        if (lengths.isEmpty()) {
            return 0;
        }
        Map.Entry<Integer, Integer> last = lengths.lastEntry();
        int size = last.getValue();
        return size == 0 || size + length <= capacity ? last.getKey() : last.getKey() + 1;
    }

    /** The rows to write for the parts {@link #put} changed, in part order. */
    List<Row> changedRows() {
        if (changed.isEmpty()) {
            return List.of();
        }
        // Indexed by part: parts are numbered from 0 and a visitor has few.
        List<List<Map.Entry<Key, Entry>>> byPart = new ArrayList<>(Collections.nCopies(changed.last() + 1, null));
        changed.forEach(part -> byPart.set(part, new ArrayList<>()));
        for (Map.Entry<Key, Entry> entry : entries.entrySet()) {
            int at = entry.getValue().part;
            List<Map.Entry<Key, Entry>> part = at < byPart.size() ? byPart.get(at) : null;
            if (part != null) {
                part.add(entry);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int part : changed) {
            List<Map.Entry<Key, Entry>> chains = byPart.get(part);
            if (chains.isEmpty()) {
                rows.add(new Row(visitorKey, part, stored.contains(part), null, null));
                continue;
            }
            // In key order, so that the same entries always give the same text.
            chains.sort(Map.Entry.comparingByKey());
            StringBuilder text = new StringBuilder(lengths.get(part));
            LocalDate first = null;
            for (Map.Entry<Key, Entry> chain : chains) {
                Entry entry = chain.getValue();
                text.append(entry.text);
                first = first == null || entry.first.isBefore(first) ? entry.first : first;
            }
            rows.add(new Row(visitorKey, part, stored.contains(part), first, text.toString()));
        }
        return rows;
    }

    /**
     * Every chain of this visitor without its days before {@code day}, and no earliest visit of a day before
     * it: for visit retention.
     */
    void trimBefore(LocalDate day) {
        for (Map.Entry<Key, Entry> stored : new ArrayList<>(entries.entrySet())) {
            Entry entry = stored.getValue();
            if (!entry.first.isBefore(day)) {
                continue;
            }
            if (entry.isEarliest()) {
                put(stored.getKey(), null);
            } else {
                ChainDays rest = entry.days().from(day);
                put(stored.getKey(), rest.isEmpty() ? null : Entry.of(entry.chain, rest));
            }
        }
    }

    /**
     * One entry of a row, a chain or a visitor-day's earliest visit: its text as stored (letter to {@code ;}) and
     * its first day, read as the row is scanned; a chain's days are decoded only when asked for, so that a batch
     * decodes only the chains it changes.
     */
    private static final class Entry {
        private final String text;
        private final LocalDate first;
        private final ChainKey chain;
        private final int daysFrom;
        private final int part;
        private ChainDays days;
        private VisitorDay.Earliest earliest;

        private Entry(String text, LocalDate first, ChainKey chain, int daysFrom, int part, ChainDays days,
                      VisitorDay.Earliest earliest) {
            this.text = text;
            this.first = first;
            this.chain = chain;
            this.daysFrom = daysFrom;
            this.part = part;
            this.days = days;
            this.earliest = earliest;
        }

        static Entry of(ChainKey key, ChainDays days) {
            StringBuilder text = new StringBuilder(key.item().length() + 24);
            text.append(letter(key.metric())).append(days.firstDay()).append(key.item().length()).append(':')
                    .append(key.item());
            int daysFrom = text.length();
            text.append(days.encoded()).append(';');
            return new Entry(text.toString(), days.firstDay(), key, daysFrom, 0, days, null);
        }

        static Entry of(LocalDate day, VisitorDay.Earliest earliest) {
            String text = "e" + day + earliest.firstMs() + "," + earliest.visit() + "," + earliest.country().length()
                    + ":" + earliest.country() + earliest.language().length() + ":" + earliest.language() + ";";
            return new Entry(text, day, null, -1, 0, null, earliest);
        }

        /** This entry in {@code part}: {@link #of} builds entries in part 0, and {@link #put} places them. */
        Entry in(int part) {
            return part == this.part ? this : new Entry(text, first, chain, daysFrom, part, days, earliest);
        }

        boolean isEarliest() {
            return chain == null;
        }

        ChainDays days() {
            if (days == null) {
                days = ChainDays.decode(first, text.substring(daysFrom, text.length() - 1));
            }
            return days;
        }

        VisitorDay.Earliest earliest() {
            if (earliest == null) {
                earliest = decodeEarliest(text);
            }
            return earliest;
        }
    }

    /** The earliest visit of an {@code e} entry's text. */
    private static VisitorDay.Earliest decodeEarliest(String text) {
        try {
            EarliestLayout layout = EarliestLayout.of(text, 0);
            if (layout.end() != text.length() - 1) {
                throw new IllegalArgumentException("text after the language of a visitor-day");
            }
            int comma = text.indexOf(',', 11);
            long firstMs = Long.parseLong(text, 11, comma, 10);
            int visit = Integer.parseInt(text, comma + 1, layout.countryLengthFrom() - 1, 10);
            return new VisitorDay.Earliest(firstMs, visit,
                    text.substring(layout.countryColon() + 1, layout.countryEnd()),
                    text.substring(layout.languageColon() + 1, layout.end()));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("a visitor-day of crumb_visitor_chains cannot be read (" + e.getMessage()
                    + "); was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?", e);
        }
    }

    /**
     * Where the two length-prefixed texts of the {@code e} entry at {@code at} lie, which may hold any character,
     * up to the entry's closing {@code ;} at {@code end}: for the scan of a row and the decoding of one entry.
     */
    private record EarliestLayout(int countryLengthFrom, int countryColon, int countryEnd, int languageColon,
                                  int end) {
        static EarliestLayout of(String text, int at) {
            int countryColon = text.indexOf(':', at + 11);
            int countryLengthFrom = text.lastIndexOf(',', countryColon) + 1;
            int countryEnd = countryColon + 1 + Integer.parseInt(text, countryLengthFrom, countryColon, 10);
            int languageColon = text.indexOf(':', countryEnd);
            int end = languageColon + 1 + Integer.parseInt(text, countryEnd, languageColon, 10);
            if (end >= text.length() || text.charAt(end) != ';') {
                throw new IllegalArgumentException("no ';' after a visitor-day");
            }
            return new EarliestLayout(countryLengthFrom, countryColon, countryEnd, languageColon, end);
        }
    }

    /** What an entry of a row is about: a chain (its metric's letter and its item) or a visitor-day ({@code e}). */
    private record Key(char kind, String item) implements Comparable<Key> {
        static Key of(ChainKey chain) {
            return new Key(letter(chain.metric()), chain.item());
        }

        static Key of(LocalDate day) {
            return new Key('e', day.toString());
        }

        @Override
        public int compareTo(Key other) {
            int byKind = Character.compare(kind, other.kind);
            return byKind != 0 ? byKind : item.compareTo(other.item);
        }

        /** Hand-written, as is hashCode: see {@link ChainDay#compareTo}. */
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Key that && kind == that.kind && item.equals(that.item);
        }

        @Override
        public int hashCode() {
            return kind * 31 + item.hashCode();
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

        /** Hand-written, as is hashCode: see {@link ChainDay#compareTo}. */
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof ChainKey that && metric == that.metric && item.equals(that.item);
        }

        @Override
        public int hashCode() {
            return metric.hashCode() * 31 + item.hashCode();
        }
    }

    /** The {@code chains} column of {@code chains}: for tests. */
    static String encode(SortedMap<ChainKey, ChainDays> chains) {
        StringBuilder text = new StringBuilder();
        chains.forEach((key, days) -> text.append(Entry.of(key, days).text));
        return text.toString();
    }

    /** Every chain of a {@code chains} column, decoded: for tests. */
    static TreeMap<ChainKey, ChainDays> decode(String encoded) {
        TreeMap<ChainKey, ChainDays> chains = new TreeMap<>();
        scan(encoded, 0, new HashMap<>()).values().forEach(entry -> {
            if (!entry.isEarliest()) {
                chains.put(entry.chain, entry.days());
            }
        });
        return chains;
    }

    /** Every visitor-day's earliest visit of a {@code chains} column, decoded: for tests. */
    static TreeMap<LocalDate, VisitorDay.Earliest> earliestOf(String encoded) {
        TreeMap<LocalDate, VisitorDay.Earliest> days = new TreeMap<>();
        scan(encoded, 0, new HashMap<>()).values().forEach(entry -> {
            if (entry.isEarliest()) {
                days.put(entry.first, entry.earliest());
            }
        });
        return days;
    }

    /**
     * Adds the entries of {@code part}'s {@code chains} column, not yet decoded, to {@code chains}, and returns
     * it.
     */
    private static Map<Key, Entry> scan(String encoded, int part, Map<Key, Entry> chains) {
        int at = 0;
        try {
            while (at < encoded.length()) {
                if (encoded.charAt(at) == 'e') {
                    LocalDate day = day(encoded, at + 1);
                    int end = EarliestLayout.of(encoded, at).end();
                    add(chains, Key.of(day), new Entry(encoded.substring(at, end + 1), day, null, -1, part, null,
                            null));
                    at = end + 1;
                    continue;
                }
                Metric metric = metric(encoded.charAt(at));
                LocalDate first = day(encoded, at + 1);
                int colon = encoded.indexOf(':', at + 11);
                int length = Integer.parseInt(encoded, at + 11, colon, 10);
                String item = encoded.substring(colon + 1, colon + 1 + length);
                int end = encoded.indexOf(';', colon + 1 + length);
                if (end < 0 || end == colon + 1 + length) {
                    throw new IllegalArgumentException("no days or no ';' after the chain of '" + item + "'");
                }
                ChainKey chain = new ChainKey(metric, item);
                add(chains, Key.of(chain), new Entry(encoded.substring(at, end + 1), first, chain,
                        colon + 1 + length - at, part, null, null));
                at = end + 1;
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            throw new IllegalStateException("a row of crumb_visitor_chains cannot be read (" + e.getMessage()
                    + "); was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?", e);
        }
        return chains;
    }

    /** Adds a scanned entry: a key may appear once in a row, and in one row of a visitor. */
    private static void add(Map<Key, Entry> chains, Key key, Entry entry) {
        Entry before = chains.putIfAbsent(key, entry);
        if (before == null) {
            return;
        }
        if (before.part == entry.part) {
            throw new IllegalArgumentException(entry.isEarliest() ? "a repeated visitor-day" : "a repeated chain");
        }
        throw new IllegalStateException("an entry of kind '" + key.kind() + "' is in two rows of"
                + " crumb_visitor_chains; was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?");
    }

    /** The {@code yyyy-mm-dd} day at {@code at}, without a formatter: rows are read on every batch. */
    private static LocalDate day(String text, int at) {
        if (text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-') {
            throw new IllegalArgumentException("no yyyy-mm-dd day at " + at);
        }
        return LocalDate.of(Integer.parseInt(text, at, at + 4, 10), Integer.parseInt(text, at + 5, at + 7, 10),
                Integer.parseInt(text, at + 8, at + 10, 10));
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
        TreeMap<ChainKey, ChainDays> chains = new TreeMap<>();
        entries.values().forEach(entry -> {
            if (entry.part == part && !entry.isEarliest()) {
                chains.put(entry.chain, entry.days());
            }
        });
        return Collections.unmodifiableSortedMap(chains);
    }
}
