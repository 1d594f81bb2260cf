package dev.crumb.internal.consent;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.cookie.CookiePayload.StoredConsent;
import java.time.Instant;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The consent in effect for one visitor at one moment: what is granted, whether the visitor should be
 * asked, and where it comes from.
 *
 * @param granted        granted categories; always includes {@link Category#NECESSARY}
 * @param needed         whether the visitor should be asked (no choice under the current policy revision)
 * @param source         how this state came about
 * @param policyRevision the revision the state belongs to (the visitor's choice, or the current one for defaults)
 * @param decidedAt      when the visitor chose, or when the default was first recorded; {@code null} if never
 */
public record ConsentState(Set<Category> granted, boolean needed, ConsentSource source, int policyRevision,
                           Instant decidedAt) {

    /**
     * Every possible granted set, indexed by its {@link #bits}: read-only views of enum sets, so every
     * listing of the categories is in the enum's order. A state takes the shared one instead of copying its
     * argument: states are built on every request.
     */
    private static final List<Set<Category>> GRANTED = grantedSets();

    public ConsentState {
        granted = Objects.requireNonNull(granted, "granted") instanceof Granted ? granted : GRANTED.get(bits(granted));
        Objects.requireNonNull(source, "source");
        if (policyRevision < 1) {
            throw new IllegalArgumentException("policyRevision must be 1 or more, was " + policyRevision);
        }
    }

    /** Whether {@code category} is granted. */
    public boolean grants(Category category) {
        return granted.contains(category);
    }

    /** Whether the state is the visitor's own choice rather than a default or a browser signal. */
    public boolean explicit() {
        return isExplicit(source);
    }

    /** Whether decisions of {@code source} are the visitor's own choice. */
    public static boolean isExplicit(ConsentSource source) {
        return source == ConsentSource.BANNER || source == ConsentSource.WITHDRAWAL || source == ConsentSource.API;
    }

    /** The form kept in the cookie, decided at {@code at}. */
    public StoredConsent toStored(Instant at) {
        return toStored(at, false);
    }

    /** The form kept in the cookie, decided at {@code at}, with or without a refusal signal at that moment. */
    public StoredConsent toStored(Instant at, boolean signalAtDecision) {
        return new StoredConsent(bits(granted), policyRevision, at.getEpochSecond(), source.ordinal(), signalAtDecision);
    }

    /** Whether the cookie already holds this state (ignoring the time). */
    public boolean sameAs(StoredConsent stored) {
        return stored != null && stored.grantedBits() == bits(granted) && stored.policyRevision() == policyRevision
                && stored.source() == source.ordinal();
    }

    /** The optional categories as a bit set, bit = ordinal. */
    public static int bits(Set<Category> categories) {
        if (categories instanceof Granted g) {
            return g.bits;
        }
        int bits = 0;
        for (Category c : categories) {
            if (c.optional()) {
                bits |= 1 << c.ordinal();
            }
        }
        return bits;
    }

    private static List<Set<Category>> grantedSets() {
        int all = bits(EnumSet.allOf(Category.class));
        List<Set<Category>> sets = new ArrayList<>(all + 1);
        for (int bits = 0; bits <= all; bits++) {
            sets.add(new Granted(categories(bits & all), bits & all));
        }
        return List.copyOf(sets);
    }

    /**
     * A shared granted set: read-only, in the enum's order, and knowing its own {@link #bits}, so that a
     * state built from another state's set neither iterates nor copies it.
     */
    private static final class Granted extends AbstractSet<Category> {
        private final Set<Category> categories;
        private final int bits;

        Granted(Set<Category> categories, int bits) {
            this.categories = Collections.unmodifiableSet(categories);
            this.bits = bits;
        }

        @Override
        public Iterator<Category> iterator() {
            return categories.iterator();
        }

        @Override
        public int size() {
            return categories.size();
        }

        @Override
        public boolean contains(Object o) {
            return categories.contains(o);
        }
    }

    /** The categories of a bit set, with {@link Category#NECESSARY}. */
    public static Set<Category> categories(int bits) {
        EnumSet<Category> out = EnumSet.of(Category.NECESSARY);
        for (Category c : Category.values()) {
            if ((bits & (1 << c.ordinal())) != 0) {
                out.add(c);
            }
        }
        return out;
    }
}
