package dev.crumb.internal.web;

import dev.crumb.Visitor;
import java.util.Map;

/** The visitor cookie's part of {@code /crumb/me}: ID, locale, visits. */
public final class VisitorMeSection implements MeSection {

    private static final String HTML = """
            <p>This site keeps one cookie, encrypted so that only this site can read it. It holds:</p>
            <table>
            <tr><th scope="row">Visitor ID (random)</th><td><code>{{id}}</code></td></tr>
            <tr><th scope="row">Country</th><td>{{country}}</td></tr>
            <tr><th scope="row">Language</th><td>{{language}}</td></tr>
            <tr><th scope="row">First visit</th><td>{{firstSeen}}</td></tr>
            <tr><th scope="row">Last activity</th><td>{{lastSeen}}</td></tr>
            <tr><th scope="row">This is visit number</th><td>{{visit}}</td></tr>
            </table>
            <p><a href="{{prefix}}/me.json">The same as JSON</a></p>
            """;

    private final String prefix;

    public VisitorMeSection(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void addJson(Exchange exchange, Map<String, Object> json) {
        Visitor v = exchange.session().toVisitor();
        json.put("visitorId", v.id());
        json.put("country", v.country());
        json.put("language", v.language());
        json.put("visit", v.visit());
        json.put("returning", v.returning());
        json.put("firstSeen", v.firstSeen().toString());
        json.put("lastSeen", v.lastSeen().toString());
        json.put("cookiesEnabled", v.cookiesEnabled().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String html(Exchange exchange) {
        Visitor v = exchange.session().toVisitor();
        return Html.render(HTML, Map.of("id", v.id(), "country", v.country(), "language", v.language(),
                "firstSeen", v.firstSeen().toString(), "lastSeen", v.lastSeen().toString(), "visit", v.visit(),
                "prefix", exchange.request().getContextPath() + prefix));
    }
}
