package dev.crumb.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A page view of a visitor who consented to analytics. Carries no raw identifier: {@code visitorKey}
 * is a keyed hash of the visitor ID.
 *
 * @param at           when the page was served
 * @param visitorKey   keyed hash of the visitor ID
 * @param visit        the visitor's visit number (1 for the first visit)
 * @param path         the request path without query string, possibly normalised to a template
 * @param country      ISO 3166-1 alpha-2 country, or {@code "ZZ"} when unknown
 * @param language     ISO 639 language code
 * @param referrerHost host of an external referrer, or {@code null}
 */
public record PageView(Instant at, String visitorKey, int visit, String path, String country, String language,
                       String referrerHost) {
    public PageView {
        Objects.requireNonNull(at, "at");
        ConsentRecord.requireText(visitorKey, "visitorKey");
        ConsentRecord.requireText(path, "path");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(language, "language");
        if (visit < 1) {
            throw new IllegalArgumentException("visit must be 1 or more, was " + visit);
        }
    }
}
