package dev.crumb.internal.store;

import java.time.LocalDate;
import java.util.Comparator;

/** A visitor and a UTC day: a visitor-day, ordered by visitor, then day. */
record VisitorDay(String visitorKey, LocalDate day) implements Comparable<VisitorDay> {
    /** By visitor, then day. Hand-written, as are equals and hashCode: see {@link ChainDay#compareTo}. */
    @Override
    public int compareTo(VisitorDay other) {
        int order = visitorKey.compareTo(other.visitorKey);
        return order != 0 ? order : day.compareTo(other.day);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof VisitorDay that && day.equals(that.day)
                && visitorKey.equals(that.visitorKey);
    }

    @Override
    public int hashCode() {
        return visitorKey.hashCode() * 31 + day.hashCode();
    }

    /**
     * The earliest visit of a visitor-day (by first page view time, then visit number), kept in the visitor's
     * rows of {@code crumb_visitor_chains} ({@link VisitorChains}). Its entry country and language are the
     * visitor's of that day.
     */
    record Earliest(long firstMs, int visit, String country, String language) {
        private static final Comparator<Earliest> ORDER =
                Comparator.comparingLong(Earliest::firstMs).thenComparingInt(Earliest::visit);

        static Earliest of(VisitRollup visit) {
            return new Earliest(visit.firstMs(), visit.id().visit(), visit.entryCountry(), visit.entryLanguage());
        }

        /** The earlier of this and {@code other}; {@code null} counts as later than anything. */
        Earliest earlier(Earliest other) {
            return other == null || ORDER.compare(this, other) <= 0 ? this : other;
        }
    }
}
