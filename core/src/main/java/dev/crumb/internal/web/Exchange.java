package dev.crumb.internal.web;

import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;

/**
 * One request to a library endpoint: the request, the (wrapped) response and the visitor session.
 *
 * @param path the path below the library prefix, e.g. {@code /me.json}
 */
public record Exchange(HttpServletRequest request, HttpServletResponse response, VisitorSession session, String path) {
    public Exchange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(path, "path");
    }
}
