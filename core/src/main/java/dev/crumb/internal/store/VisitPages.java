package dev.crumb.internal.store;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The page views per path of one visit that live in its {@code crumb_visit} row (column {@code pages}), so
 * that a batch updates one row per visit instead of one {@code crumb_visit_page} row per (visit, path).
 * The row holds paths until they would take more than {@link #ROW_CAPACITY} characters; a visit with more
 * (a crawler walking hundreds of paths) keeps the paths that did not fit in {@code crumb_visit_page}, and
 * {@code spilled} says so. A path is in exactly one of the two places: once a visit has spilled, every path
 * it does not hold yet goes to the table, so the row never grows past the capacity and a batch never moves a
 * path between them.
 *
 * <p>Encoding of {@code pages}: for each path in code-unit order, {@code views:length:path}, with the length
 * in UTF-16 code units, so any path reads back exactly whatever characters it holds.
 *
 * @param views   the views per path held in the row
 * @param spilled whether some of the visit's paths are in {@code crumb_visit_page}
 */
record VisitPages(SortedMap<String, Long> views, boolean spilled) {
    /**
     * The most characters the paths of one row may take, each path counted with {@link #ENTRY_OVERHEAD}: a
     * few dozen typical paths, a row that stays one small write however long the visit.
     */
    static final int ROW_CAPACITY = 4_000;
    /** What an entry takes beside its path at most: two separators and two numbers of up to 19 and 10 digits. */
    static final int ENTRY_OVERHEAD = 31;
    static final VisitPages NONE = new VisitPages(new TreeMap<>(), false);

    VisitPages {
        views = Collections.unmodifiableSortedMap(new TreeMap<>(views));
    }

    /** Reads the {@code pages} and {@code pages_spilled} columns. */
    static VisitPages decode(String encoded, boolean spilled) {
        SortedMap<String, Long> views = new TreeMap<>();
        int at = 0;
        try {
            while (at < encoded.length()) {
                int colon = encoded.indexOf(':', at);
                long count = Long.parseLong(encoded, at, colon, 10);
                int second = encoded.indexOf(':', colon + 1);
                int length = Integer.parseInt(encoded, colon + 1, second, 10);
                views.put(encoded.substring(second + 1, second + 1 + length), count);
                at = second + 1 + length;
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("a visit's pages column cannot be read at character " + at
                    + "; was crumb_visit changed by hand?", e);
        }
        return new VisitPages(views, spilled);
    }

    /** The value of the {@code pages} column. */
    String encoded() {
        StringBuilder encoded = new StringBuilder();
        views.forEach((path, count) -> encoded.append(count).append(':').append(path.length()).append(':')
                .append(path));
        return encoded.toString();
    }

    /**
     * These pages with a batch's views of the same visit added: paths the row holds, or that still fit while
     * nothing has spilled, go to the row; the rest are added to {@code spill} (the rows of
     * {@code crumb_visit_page} to add to), in path order so that the outcome depends only on what is stored
     * and on the batch.
     */
    VisitPages plus(SortedMap<String, Long> batch, Map<String, Long> spill) {
        SortedMap<String, Long> after = new TreeMap<>(views);
        boolean spills = spilled;
        int used = 0;
        for (String path : views.keySet()) {
            used += path.length() + ENTRY_OVERHEAD;
        }
        for (Map.Entry<String, Long> view : batch.entrySet()) {
            String path = view.getKey();
            if (after.containsKey(path)) {
                after.merge(path, view.getValue(), Long::sum);
            } else if (!spills && used + path.length() + ENTRY_OVERHEAD <= ROW_CAPACITY) {
                after.put(path, view.getValue());
                used += path.length() + ENTRY_OVERHEAD;
            } else {
                spills = true;
                spill.merge(path, view.getValue(), Long::sum);
            }
        }
        return new VisitPages(after, spills);
    }
}
