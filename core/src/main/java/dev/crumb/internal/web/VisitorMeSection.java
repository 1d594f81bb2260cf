package dev.crumb.internal.web;

import dev.crumb.Visitor;
import java.util.Locale;
import java.util.Map;

/** The visitor cookie's part of {@code /crumb/me}: ID, locale, visits. */
public final class VisitorMeSection implements MeSection {

    private static final String HTML = """
            <p>{{intro}}</p>
            <table>
            <tr><th scope="row">{{idLabel}}</th><td><code>{{id}}</code></td></tr>
            <tr><th scope="row">{{countryLabel}}</th><td>{{country}}</td></tr>
            <tr><th scope="row">{{languageLabel}}</th><td>{{language}}</td></tr>
            <tr><th scope="row">{{firstLabel}}</th><td>{{firstSeen}}</td></tr>
            <tr><th scope="row">{{lastLabel}}</th><td>{{lastSeen}}</td></tr>
            <tr><th scope="row">{{visitLabel}}</th><td>{{visit}}</td></tr>
            </table>
            <p><a href="{{prefix}}/me.json">{{jsonLink}}</a></p>
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
        Texts t = exchange.texts();
        Locale reader = Locale.forLanguageTag(t.lang());
        return Html.render(HTML, Map.ofEntries(Map.entry("intro", t.get("me.intro")),
                Map.entry("idLabel", t.get("me.visitorId")), Map.entry("id", v.id()),
                Map.entry("countryLabel", t.get("me.country")), Map.entry("country", countryName(v.country(), reader)),
                Map.entry("languageLabel", t.get("me.language")),
                Map.entry("language", languageName(v.language(), reader)),
                Map.entry("firstLabel", t.get("me.firstVisit")), Map.entry("firstSeen", t.dateTime(v.firstSeen())),
                Map.entry("lastLabel", t.get("me.lastActivity")), Map.entry("lastSeen", t.dateTime(v.lastSeen())),
                Map.entry("visitLabel", t.get("me.visitNumber")), Map.entry("visit", v.visit()),
                Map.entry("prefix", exchange.request().getContextPath() + prefix), Map.entry("jsonLink", t.get("me.json"))));
    }

    /** "Germany (DE)" in the reader's language; the code alone when the JDK has no name for it. */
    static String countryName(String code, Locale reader) {
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(reader);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    /** "Deutsch"-style names of a language, in the reader's language. */
    static String languageName(String code, Locale reader) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }
}
