package dev.crumb.internal.web;

import dev.crumb.Html;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /crumb/me.json} and {@code GET /crumb/me}: everything Crumb keeps about this visitor, as
 * JSON and as a readable page, as the policy promises to inform visitors what is kept about them.
 */
public final class MeEndpoint implements Endpoint {

    private final boolean asJson;
    private final List<MeSection> sections;

    private MeEndpoint(boolean asJson, List<MeSection> sections) {
        this.asJson = asJson;
        this.sections = List.copyOf(sections);
    }

    /** The JSON form. */
    public static MeEndpoint json(List<MeSection> sections) {
        return new MeEndpoint(true, sections);
    }

    /** The HTML page. */
    public static MeEndpoint page(List<MeSection> sections) {
        return new MeEndpoint(false, sections);
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        if (asJson) {
            Map<String, Object> json = new LinkedHashMap<>();
            for (MeSection section : sections) {
                section.addJson(exchange, json);
            }
            if (exchange.request().getParameter("download") != null) {
                // The right of access and to portability: the same JSON, as a file to keep.
                exchange.response().setHeader("Content-Disposition", "attachment; filename=\"my-data.json\"");
            }
            Responses.json(exchange.response(), 200, json);
        } else {
            Html body = sections.stream().map(section -> section.html(exchange)).collect(Html.joining());
            Responses.page(exchange, 200, exchange.texts().get("me.title"), body);
        }
    }
}
