package dev.crumb.internal.store;

import java.time.Instant;
import java.util.Objects;

/** The email rules every store shares: argument checks and the "newest event wins" decision. */
final class EmailArguments {
    private EmailArguments() {}

    static void checkOptIn(String addressKey, Instant at, int policyRevision, String form) {
        checkSuppression(addressKey, at);
        if (policyRevision < 1) {
            throw new IllegalArgumentException("policyRevision must be 1 or more, was " + policyRevision);
        }
        requireText(form, "form");
        ColumnLimits.check(form, ColumnLimits.FORM, "form", "name the form with a short identifier");
    }

    static void checkSuppression(String addressKey, Instant at) {
        requireText(addressKey, "addressKey");
        ColumnLimits.check(addressKey, ColumnLimits.KEY, "addressKey", "use the keyed hash of the address");
        Objects.requireNonNull(at, "at");
    }

    /** Whether the newest opt-in is later than the newest suppression (a tie suppresses). */
    static boolean mayEmail(Instant newestOptIn, Instant newestSuppression) {
        return newestOptIn != null && (newestSuppression == null || newestOptIn.isAfter(newestSuppression));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
