package dev.crumb;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What became of a request to save form data in the visitor cookie: which fields were saved, and for
 * each field that was not, why. Saving never fails the request; the application decides what to tell
 * the visitor.
 *
 * @param status  overall outcome
 * @param saved   the names of the fields now saved
 * @param skipped fields that were not saved, with the reason
 */
public record FormSaveResult(Status status, Set<String> saved, Map<String, Reason> skipped) {

    public FormSaveResult {
        Objects.requireNonNull(status, "status");
        saved = Set.copyOf(saved);
        skipped = Map.copyOf(skipped);
    }

    /** The overall outcome. */
    public enum Status {
        /** Every allow-listed field given was saved. */
        SAVED,
        /** Some fields were saved; {@link #skipped()} says why the others were not. */
        PARTLY_SAVED,
        /** Nothing was saved; {@link #skipped()} says why. */
        NOT_SAVED
    }

    /** Why a field was not saved. */
    public enum Reason {
        /** The visitor has not consented to {@link Category#PREFERENCES}. */
        NO_CONSENT,
        /** The field is not on the allow-list (free text such as a message is never saved). */
        NOT_ALLOWED,
        /** The value is longer than the field's maximum. */
        TOO_LONG,
        /** The value looks like a payment card number (13–19 digits passing the Luhn check). */
        LOOKS_LIKE_CARD_NUMBER,
        /** The form reports an age under 13: nothing is saved, as the policy promises. */
        UNDER_13,
        /** The cookie would exceed its 4096-byte limit; the longest fields gave way. */
        COOKIE_FULL,
        /** The response was already committed, so the cookie could no longer change. */
        RESPONSE_COMMITTED
    }

    /** Whether at least one field was saved. */
    public boolean anySaved() {
        return !saved.isEmpty();
    }
}
