package dev.crumb.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A page view of a visitor without analytics consent or without cookies: only the path and the time
 * are kept, and the store keeps only a count per path and UTC day.
 */
public record AnonymousPageView(Instant at, String path) {
    public AnonymousPageView {
        Objects.requireNonNull(at, "at");
        ConsentRecord.requireText(path, "path");
    }
}
