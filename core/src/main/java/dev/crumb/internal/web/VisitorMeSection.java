package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.Visitor;
import java.util.Locale;
import java.util.Map;

/** The visitor cookie's part of {@code /crumb/me}: ID, locale, visits. */
public final class VisitorMeSection implements MeSection {

    private static final String HTML = """
            <p>%s</p>
            <table>
            <tr><th scope="row">%s</th><td><code>%s</code></td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            <tr><th scope="row">%s</th><td>%s</td></tr>
            </table>
            <p><a href="%s/me.json">%s</a></p>
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
    public Html html(Exchange exchange) {
        Visitor v = exchange.session().toVisitor();
        Texts t = exchange.texts();
        Locale reader = Locale.forLanguageTag(t.lang());
        return Html.of(HTML, t.get("me.intro"),
                t.get("me.visitorId"), v.id(),
                t.get("me.country"), countryName(v.country(), reader),
                t.get("me.language"), languageName(v.language(), reader),
                t.get("me.firstVisit"), t.dateTime(v.firstSeen()),
                t.get("me.lastActivity"), t.dateTime(v.lastSeen()),
                t.get("me.visitNumber"), v.visit(),
                exchange.request().getContextPath() + prefix, t.get("me.json"));
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
