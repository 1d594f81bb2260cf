package dev.crumb.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /.well-known/gpc.json}: the site's declaration that it honours Global Privacy Control,
 * {@code {"gpc": true, "lastUpdate": "YYYY-MM-DD"}} (GPC specification, section 3.5).
 */
public final class GpcDeclaration {

    /** Where the declaration lives, below the context path. */
    public static final String PATH = "/.well-known/gpc.json";

    private final String lastUpdate;

    public GpcDeclaration(LocalDate lastUpdate) {
        this.lastUpdate = Objects.requireNonNull(lastUpdate, "lastUpdate").toString();
    }

    /** Writes the declaration. */
    public void serve(HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gpc", true);
        body.put("lastUpdate", lastUpdate);
        Responses.json(response, 200, body);
    }
}
