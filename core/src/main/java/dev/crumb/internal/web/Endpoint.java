package dev.crumb.internal.web;

import java.io.IOException;
import java.util.Set;

/** One of the library's own endpoints below the path prefix (such as {@code /crumb/me.json}). */
public interface Endpoint {

    /** The HTTP methods this endpoint answers; others get 405 with an {@code Allow} header. */
    Set<String> methods();

    /** Answers the request. Must not let an exception escape for any visitor input. */
    void handle(Exchange exchange) throws IOException;
}
