package dev.crumb.store;

import java.time.Instant;

/**
 * Marketing email choices per address. Addresses are passed as keyed hashes of their normalised form,
 * so the store never holds an address. A suppressed address stays ineligible until it opts in again
 * after the suppression.
 */
public interface EmailRegistry {

    /** Records a marketing opt-in given on {@code form} under {@code policyRevision}. */
    void optIn(String addressKey, Instant at, int policyRevision, String form);

    /** Adds the address to the suppression list. Idempotent. */
    void suppress(String addressKey, Instant at);

    /** Whether the newest record for the address is an opt-in (and not a suppression). */
    boolean mayEmail(String addressKey);
}
