package dev.crumb.internal.web;

import dev.crumb.Html;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Routes requests below the library's path prefix to its endpoints; unknown paths get a 404 page. */
public final class Endpoints {

    private final Map<String, Endpoint> routes = new LinkedHashMap<>();

    /** Adds an endpoint at {@code path} (below the prefix, starting with {@code /}). */
    public Endpoints add(String path, Endpoint endpoint) {
        if (routes.putIfAbsent(path, endpoint) != null) {
            throw new IllegalStateException("two endpoints for " + path);
        }
        return this;
    }

    /** Answers the exchange with the matching endpoint, a 405 or a 404. */
    public void dispatch(Exchange exchange) throws IOException {
        Endpoint endpoint = routes.get(exchange.path());
        if (endpoint == null) {
            Texts t = exchange.texts();
            Responses.page(exchange, 404, t.get("error.notFoundTitle"), Html.of("<p>%s</p> <p><a href=\"%s\">%s</a></p>",
                    t.get("error.notFoundBody"), exchange.request().getContextPath() + "/", t.get("error.backHome")));
            return;
        }
        String method = exchange.request().getMethod();
        if (!endpoint.methods().contains(method) && !("HEAD".equals(method) && endpoint.methods().contains("GET"))) {
            exchange.response().setHeader("Allow", String.join(", ", new TreeSet<>(endpoint.methods())));
            Responses.page(exchange, 405, exchange.texts().get("error.methodTitle"),
                    Html.of("<p>%s</p>", exchange.texts().get("error.methodBody")));
            return;
        }
        endpoint.handle(exchange);
    }
}
