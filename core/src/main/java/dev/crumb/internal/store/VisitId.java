package dev.crumb.internal.store;

/** One visit: a visitor key and that visitor's visit number. Ordered so that writers lock rows alike. */
record VisitId(String visitorKey, int visit) implements Comparable<VisitId> {
    /** By visitor, then visit. Hand-written, as are equals and hashCode: see {@link ChainDay#compareTo}. */
    @Override
    public int compareTo(VisitId other) {
        int order = visitorKey.compareTo(other.visitorKey);
        return order != 0 ? order : Integer.compare(visit, other.visit);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof VisitId that && visit == that.visit
                && visitorKey.equals(that.visitorKey);
    }

    @Override
    public int hashCode() {
        return visitorKey.hashCode() * 31 + visit;
    }
}
