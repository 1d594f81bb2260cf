package dev.crumb.internal.web;

import dev.crumb.Html;
import java.util.Map;

/**
 * A part of "what is kept about me" ({@code /crumb/me} and {@code /crumb/me.json}) contributed by one
 * capability (the visitor cookie, consent, saved forms), so each keeps its own disclosure.
 */
public interface MeSection {

    /** Adds this section's fields to the JSON object. */
    void addJson(Exchange exchange, Map<String, Object> json);

    /** This section's part of the HTML page. */
    Html html(Exchange exchange);
}
