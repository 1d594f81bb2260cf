package dev.crumb.internal.tracking;

import dev.crumb.internal.http.PathPrefixes;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether an answered request was a page view: a successful {@code GET} of an HTML page, by a
 * browser, for the visitor to see. Static assets, the library's own endpoints, prefetches and bots are
 * left out. The order of the checks is the order of {@link Verdict}, so each request gets one reason.
 */
final class PageViewRules {

    private static final Set<String> ASSET_EXTENSIONS = Set.of(
            "css", "js", "mjs", "map", "json", "xml", "txt", "csv", "pdf", "zip", "gz", "br", "wasm",
            "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff", "apng",
            "woff", "woff2", "ttf", "otf", "eot",
            "mp4", "webm", "mp3", "ogg", "oga", "ogv", "wav", "flac", "m4a", "mov",
            "webmanifest", "rss", "atom");

    private static final String HTML = "text/html";

    private final String crumbPrefix;
    private final BotDetector bots;

    /**
     * @param crumbPrefix the library's path prefix, e.g. {@code /crumb}
     * @param bots        recognises crawlers by user agent
     */
    public PageViewRules(String crumbPrefix, BotDetector bots) {
        this.crumbPrefix = Objects.requireNonNull(crumbPrefix, "crumbPrefix");
        this.bots = Objects.requireNonNull(bots, "bots");
    }

    /** The verdict for one answered request. */
    public Verdict classify(ServedRequest r) {
        if (!"GET".equals(r.method())) {
            return Verdict.NOT_GET;
        }
        if (r.status() < 200 || r.status() > 299) {
            return Verdict.NOT_SUCCESS;
        }
        if (!isHtml(r.contentType())) {
            return Verdict.NOT_HTML;
        }
        if (isAsset(r.path())) {
            return Verdict.ASSET;
        }
        if (PathPrefixes.within(r.path(), crumbPrefix)) {
            return Verdict.CRUMB_ENDPOINT;
        }
        if (isPrefetch(r)) {
            return Verdict.PREFETCH;
        }
        if (bots.isBot(r.header("User-Agent"))) {
            return Verdict.BOT;
        }
        return Verdict.PAGE_VIEW;
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        // The media type before any parameters, trimmed as String.trim does, compared in place.
        int semicolon = contentType.indexOf(';');
        int end = semicolon >= 0 ? semicolon : contentType.length();
        int start = 0;
        while (start < end && contentType.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && contentType.charAt(end - 1) <= ' ') {
            end--;
        }
        return end - start == HTML.length() && contentType.regionMatches(true, start, HTML, 0, HTML.length());
    }

    static boolean isAsset(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1 || dot == path.length() - 1) {
            // No extension, or a dot file such as /.well-known parts: not an asset by name.
            return false;
        }
        return ASSET_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isPrefetch(ServedRequest r) {
        String secPurpose = r.header("Sec-Purpose");
        return contains(secPurpose, "prefetch")
                || contains(secPurpose, "prerender")
                || contains(r.header("Purpose"), "prefetch")
                || contains(r.header("X-Purpose"), "preview")
                || contains(r.header("X-Moz"), "prefetch");
    }

    private static boolean contains(String header, String token) {
        return header != null && header.toLowerCase(Locale.ROOT).contains(token);
    }
}
