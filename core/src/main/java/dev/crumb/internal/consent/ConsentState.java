package dev.crumb.internal.consent;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.cookie.CookiePayload.StoredConsent;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
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

    public ConsentState {
        EnumSet<Category> copy = EnumSet.of(Category.NECESSARY);
        copy.addAll(Objects.requireNonNull(granted, "granted"));
        // An unmodifiable view of the copy rather than Set.copyOf: evaluated on every request, and the enum's
        // order makes every listing of the categories the same.
        granted = Collections.unmodifiableSet(copy);
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
        int bits = 0;
        for (Category c : categories) {
            if (c.optional()) {
                bits |= 1 << c.ordinal();
            }
        }
        return bits;
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
