package dev.crumb.internal.cookie;

import java.util.Optional;

/** Opens cookie values: empty for anything that is not a valid Crumb cookie of the key ring. Never throws. */
@FunctionalInterface
public interface CookieOpener {

    /** The opened cookie, or empty. */
    Optional<CookieCodec.Opened> open(String value);

    /**
     * A cheap check, without decryption, that {@code value} has the only shape this opener can open;
     * {@code false} means {@link #open} would be empty. Runs before any cache is consulted, so values
     * that can never open cost no lookup. This default admits any non-null value.
     */
    default boolean mayOpen(String value) {
        return value != null;
    }
}
