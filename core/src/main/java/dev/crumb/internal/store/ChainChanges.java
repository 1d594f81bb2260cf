package dev.crumb.internal.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A batch's changes to the visitor-day chains of the distinct metrics, and what they do to the daily
 * aggregates. A day belongs to a chain while its weight is above zero; the summary needs, per chain, one
 * visitor-day per day and one repeat per pair of consecutive days (see {@code docs/storage.md}).
 *
 * <p>Only the days whose weight changes and their stored neighbours are known. That suffices: a pair of
 * known days with unknown days between them has no change between them either (a changed day's neighbours
 * are known), so it appears before and after the batch alike and cancels out of the difference.
 */
final class ChainChanges {
    private final Map<ChainDay, Long> deltas = new HashMap<>();

    /** Changes the weight of {@code day} in the visitor's chain of {@code metric} and {@code item}. */
    void add(String visitorKey, Metric metric, String item, LocalDate day, long delta) {
        if (delta != 0) {
            deltas.merge(new ChainDay(visitorKey, metric, item, day), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /**
     * Marks {@code day} of a chain as changed without changing its weight: its neighbours are needed, as when
     * a day of the {@code visitors} chain changes its country or language.
     */
    void touch(String visitorKey, Metric metric, String item, LocalDate day) {
        deltas.putIfAbsent(new ChainDay(visitorKey, metric, item, day), 0L);
    }

    /** The chain days of {@code metric} whose neighbours were read, and are not themselves changed. */
    List<VisitorDay> neighbours(Metric metric, Map<ChainDay, ChainDay.Stored> stored) {
        TreeSet<VisitorDay> days = new TreeSet<>();
        stored.forEach((day, known) -> {
            if (day.metric() == metric) {
                for (LocalDate neighbour : new LocalDate[] {known.previous(), known.next()}) {
                    if (neighbour != null
                            && !deltas.containsKey(new ChainDay(day.visitorKey(), metric, day.item(), neighbour))) {
                        days.add(new VisitorDay(day.visitorKey(), neighbour));
                    }
                }
            }
        });
        return new ArrayList<>(days);
    }

    /** The chain days whose weight changes, in key order. */
    List<ChainDay> changed() {
        return new ArrayList<>(new TreeSet<>(deltas.keySet()));
    }

    /**
     * Adds the visitor-days and repeats that change to {@code counts}, given what is stored about every
     * changed day, and returns the rows to write. The days of the {@code visitors} chain also count under
     * the country and language of their earliest visit: {@code touched} gives those of the changed days
     * before and after the batch, {@code neighbours} those of the unchanged days next to them.
     */
    Rows apply(Map<ChainDay, ChainDay.Stored> stored, DayCounts counts, DayAttributes touched,
               Map<VisitorDay, VisitorDay.Earliest> neighbours) {
        Map<ChainDay.Chain, List<ChainDay>> byChain = new HashMap<>();
        deltas.keySet().forEach(day -> byChain.computeIfAbsent(day.chain(), c -> new ArrayList<>()).add(day));
        SortedMap<ChainDay, Long> inserts = new TreeMap<>();
        SortedMap<ChainDay, Long> updates = new TreeMap<>();
        SortedSet<ChainDay> deletes = new TreeSet<>();
        byChain.forEach((chain, days) -> {
            TreeSet<LocalDate> before = new TreeSet<>();
            for (ChainDay day : days) {
                ChainDay.Stored known = stored.getOrDefault(day, ChainDay.Stored.ABSENT);
                if (known.weight() > 0) {
                    before.add(day.day());
                }
                if (known.previous() != null) {
                    before.add(known.previous());
                }
                if (known.next() != null) {
                    before.add(known.next());
                }
            }
            TreeSet<LocalDate> after = new TreeSet<>(before);
            for (ChainDay day : days) {
                long old = stored.getOrDefault(day, ChainDay.Stored.ABSENT).weight();
                long now = old + deltas.get(day);
                if (now < 0) {
                    throw new IllegalStateException("the writer's chain state of a visitor is inconsistent (metric "
                            + chain.metric().code() + ", weight " + now + "); was a table of "
                            + VisitorKeyTables.ANALYTICS + " changed by hand?");
                }
                if (old == 0 && now > 0) {
                    after.add(day.day());
                    counts.add(day.day(), chain.metric(), chain.item(), 1);
                } else if (old > 0 && now == 0) {
                    after.remove(day.day());
                    counts.add(day.day(), chain.metric(), chain.item(), -1);
                }
                if (now > 0 && old > 0) {
                    if (now != old) {
                        updates.put(day, now);
                    }
                } else if (now > 0) {
                    inserts.put(day, now);
                } else if (old > 0) {
                    deletes.add(day);
                }
            }
            addPairs(counts, chain, before, -1);
            addPairs(counts, chain, after, 1);
            if (chain.metric() == Metric.VISITORS) {
                addAttributes(counts, chain.visitorKey(), days, before, touched.before(), touched, neighbours, -1);
                addAttributes(counts, chain.visitorKey(), days, after, touched.after(), touched, neighbours, 1);
            }
        });
        return new Rows(inserts, updates, deletes);
    }

    private static void addPairs(DayCounts counts, ChainDay.Chain chain, TreeSet<LocalDate> days, int sign) {
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                counts.addRepeat(day, previous, chain.metric(), chain.item(), sign);
            }
            previous = day;
        }
    }

    /**
     * The country and language visitor-days of the changed days, and the country and language repeats of the
     * pairs of consecutive days (each under the later day's country and language), times {@code sign}.
     */
    private static void addAttributes(DayCounts counts, String visitorKey, List<ChainDay> changed,
                                      TreeSet<LocalDate> days, Map<VisitorDay, VisitorDay.Earliest> changedDays,
                                      DayAttributes touched, Map<VisitorDay, VisitorDay.Earliest> neighbours,
                                      int sign) {
        for (ChainDay day : changed) {
            VisitorDay.Earliest earliest = changedDays.get(new VisitorDay(visitorKey, day.day()));
            if (earliest != null) {
                counts.add(day.day(), Metric.COUNTRY, earliest.country(), sign);
                counts.add(day.day(), Metric.LANGUAGE, earliest.language(), sign);
            }
        }
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                VisitorDay key = new VisitorDay(visitorKey, day);
                VisitorDay.Earliest earliest = touched.covers(key) ? changedDays.get(key) : neighbours.get(key);
                if (earliest == null) {
                    throw new IllegalStateException("a day of a visitor's chain has no earliest visit in"
                            + " crumb_visitor_chains; was a table of " + VisitorKeyTables.ANALYTICS + " changed by hand?");
                }
                counts.addRepeat(day, previous, Metric.COUNTRY, earliest.country(), sign);
                counts.addRepeat(day, previous, Metric.LANGUAGE, earliest.language(), sign);
            }
            previous = day;
        }
    }

    /**
     * Chain days that join a chain and days whose weight changes, with their new weight, and days that leave
     * a chain. The writer writes them into the visitor's rows of {@code crumb_visitor_chains}
     * ({@link VisitorChains}).
     */
    record Rows(SortedMap<ChainDay, Long> inserts, SortedMap<ChainDay, Long> updates, SortedSet<ChainDay> deletes) {}
}
