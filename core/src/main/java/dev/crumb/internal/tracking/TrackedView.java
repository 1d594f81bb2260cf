package dev.crumb.internal.tracking;

import dev.crumb.store.AnonymousPageView;
import dev.crumb.store.PageView;
import java.time.Instant;
import java.util.Objects;

/**
 * A page view waiting in the buffer. It still holds the visitor ID rather than its keyed hash, so the
 * request thread spends no time on an HMAC; the writer thread hashes it when the batch is written.
 * Without a visitor ID it becomes an {@link AnonymousPageView} (time and path only).
 *
 * @param at           when the page was served
 * @param visitorId    the visitor ID, or {@code null} for an anonymous page view
 * @param visit        the visit number (ignored when anonymous)
 * @param path         the recorded path
 * @param country      the visitor's country (ignored when anonymous)
 * @param language     the visitor's language (ignored when anonymous)
 * @param referrerHost the external referrer host, or {@code null}
 */
public record TrackedView(Instant at, String visitorId, int visit, String path, String country, String language,
                          String referrerHost) {

    public TrackedView {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(path, "path");
    }

    /** An anonymous page view: no identifier of any kind. */
    public static TrackedView anonymous(Instant at, String path) {
        return new TrackedView(at, null, 0, path, null, null, null);
    }

    /** Whether this page view carries no identifier. */
    public boolean isAnonymous() {
        return visitorId == null;
    }

    /** The stored form of an attributed page view, with {@code visitorKey} the keyed hash of {@link #visitorId}. */
    PageView toPageView(String visitorKey) {
        return new PageView(at, visitorKey, visit, path, country, language, referrerHost);
    }

    /** The stored form of an anonymous page view. */
    AnonymousPageView toAnonymous() {
        return new AnonymousPageView(at, path);
    }
}
