package dev.crumb.internal.cookie;

import java.util.Optional;

/** Opens cookie values: empty for anything that is not a valid Crumb cookie of the key ring. Never throws. */
@FunctionalInterface
public interface CookieOpener {

    /** The opened cookie, or empty. */
    Optional<CookieCodec.Opened> open(String value);
}
