package dev.crumb.internal.tracking;

/** Whether a served request counts as a page view, and if not, why not. */
enum Verdict {
    /** A successful GET of an HTML page by a browser: a page view. */
    PAGE_VIEW,
    /** Any method but GET, HEAD included. */
    NOT_GET,
    /** A status outside 200–299: errors, redirects, not-modified. */
    NOT_SUCCESS,
    /** The response is not {@code text/html}. */
    NOT_HTML,
    /** The path names a static asset by its extension (an image, a script, a style sheet …). */
    ASSET,
    /** One of the library's own endpoints below the path prefix. */
    CRUMB_ENDPOINT,
    /** A prefetch or prerender the visitor may never see. */
    PREFETCH,
    /** A crawler, monitor, script or headless browser, by its user agent. */
    BOT;

    /** Whether this verdict records a page view. */
    public boolean counts() {
        return this == PAGE_VIEW;
    }
}
