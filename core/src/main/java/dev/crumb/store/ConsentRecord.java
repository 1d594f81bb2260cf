package dev.crumb.store;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One consent decision as proof: who (a keyed hash of the visitor ID, never the ID itself), when, which
 * optional categories were granted, under which policy revision, and how the decision came about.
 *
 * @param visitorKey     keyed hash of the visitor ID
 * @param decidedAt      when the decision was made
 * @param granted        the categories granted; {@link Category#NECESSARY} is always included
 * @param policyRevision the policy revision the visitor saw
 * @param source         how the decision came about
 * @param refusalSignal  whether the browser sent a refusal signal (Global Privacy Control, or Do Not Track
 *                       when honoured) with the decision
 */
public record ConsentRecord(String visitorKey, Instant decidedAt, Set<Category> granted, int policyRevision,
                            ConsentSource source, boolean refusalSignal) {

    /** A record without a refusal signal, except that a {@link ConsentSource#GPC} record is one by definition. */
    public ConsentRecord(String visitorKey, Instant decidedAt, Set<Category> granted, int policyRevision,
                         ConsentSource source) {
        this(visitorKey, decidedAt, granted, policyRevision, source, source == ConsentSource.GPC);
    }

    public ConsentRecord {
        requireText(visitorKey, "visitorKey");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(source, "source");
        EnumSet<Category> copy = EnumSet.of(Category.NECESSARY);
        copy.addAll(Objects.requireNonNull(granted, "granted"));
        granted = Set.copyOf(copy);
        if (policyRevision < 1) {
            throw new IllegalArgumentException("policyRevision must be 1 or more, was " + policyRevision);
        }
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
