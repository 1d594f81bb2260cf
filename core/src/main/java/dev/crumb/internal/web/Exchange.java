package dev.crumb.internal.web;

import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;

/**
 * One request to a library endpoint: the request, the (wrapped) response, the visitor session and the
 * texts in the visitor's language.
 *
 * @param path   the path below the library prefix, e.g. {@code /me.json}
 * @param texts  the texts every page of this request shows, in the visitor's language
 * @param prefix the library's path prefix ({@code /crumb} by default), for links to its own pages and stylesheet
 */
public record Exchange(HttpServletRequest request, HttpServletResponse response, VisitorSession session, String path,
                       Texts texts, String prefix) {
    public Exchange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(prefix, "prefix");
    }
}
