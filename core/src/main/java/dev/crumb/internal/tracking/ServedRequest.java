package dev.crumb.internal.tracking;

import java.util.Objects;
import java.util.function.Function;

/**
 * The facts about one answered request that decide whether it was a page view, taken from the servlet
 * request and response once the application has answered.
 *
 * @param method      the HTTP method
 * @param path        the path within the application, without query string or path parameters
 * @param status      the response status
 * @param contentType the response content type, or {@code null}
 * @param headers     looks up a request header by name, {@code null} when absent
 */
record ServedRequest(String method, String path, int status, String contentType,
                            Function<String, String> headers) {
    public ServedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
    }

    /** A request header, or {@code null}. */
    public String header(String name) {
        return headers.apply(name);
    }
}
