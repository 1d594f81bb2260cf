package dev.crumb.internal.store;

import java.util.Comparator;

/** One visit: a visitor key and that visitor's visit number. Ordered so that writers lock rows alike. */
record VisitId(String visitorKey, int visit) implements Comparable<VisitId> {
    private static final Comparator<VisitId> ORDER =
            Comparator.comparing(VisitId::visitorKey).thenComparingInt(VisitId::visit);

    @Override
    public int compareTo(VisitId other) {
        return ORDER.compare(this, other);
    }
}
