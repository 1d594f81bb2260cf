package dev.crumb.demo.web;

import dev.crumb.Html;
import dev.crumb.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The demo's own texts (frame and every page of the demo) in English, German and French, from the UTF-8
 * bundle {@code dev/crumb/demo/site*.properties}. A visitor in any other language gets English, and the
 * page says {@code lang="en"}; Crumb's own banner and pages speak the visitor's language all the same.
 * Texts with {@code %s} slots take values in order (see {@link #html} and {@link #format}); a
 * translation keeps the slots' order, which is why the bundle's sentences are built around them. A
 * literal percent sign is written {@code %%} in texts that go through {@link #html}.
 */
public final class SiteTexts {

    /** The languages the demo's own pages are written in. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr");

    private static final String BUNDLE = "dev.crumb.demo.site";

    private final String lang;
    private final ResourceBundle bundle;

    private SiteTexts(String lang) {
        this.lang = lang;
        // No fallback to the JVM's default locale: English (the base file) is the only fallback.
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts for a visitor whose language is {@code language}. */
    public static SiteTexts of(String language) {
        return new SiteTexts(LANGUAGES.contains(language) ? language : "en");
    }

    /** The texts for the visitor of {@code request}: their language as Crumb knows it, else English. */
    public static SiteTexts of(HttpServletRequest request) {
        return of(CrumbHooks.visitor(request).map(Visitor::language).orElse("en"));
    }

    /** The language the texts are in, for {@code lang}. */
    public String lang() {
        return lang;
    }

    /** The locale of the texts, for names of countries. */
    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /**
     * The locale for numbers, prices and dates in the texts' language: US English, German as in Germany,
     * French as in France (the shop is American, so prices stay in US dollars in every language).
     */
    public Locale formatLocale() {
        return switch (lang) {
            case "de" -> Locale.GERMANY;
            case "fr" -> Locale.FRANCE;
            default -> Locale.US;
        };
    }

    /**
     * The text for {@code key} as markup, with {@code values} escaped into its {@code %s} slots.
     * Bundle texts are written by the project, like the templates in the code, so they may hold links.
     */
    public Html html(String key, Object... values) {
        return Html.fromTrustedTemplate(get(key), values);
    }

    /** The plain text for {@code key} with {@code values} put into its {@code %s} slots, in order. */
    public String format(String key, Object... values) {
        String text = get(key);
        StringBuilder out = new StringBuilder(text.length() + 16 * values.length);
        int from = 0;
        int used = 0;
        for (int at = text.indexOf("%s"); at >= 0 && used < values.length; at = text.indexOf("%s", from)) {
            out.append(text, from, at).append(values[used++]);
            from = at + 2;
        }
        if (used != values.length || text.indexOf("%s", from) >= 0) {
            throw new IllegalArgumentException("the demo's text '" + key + "' in " + lang + " does not take "
                    + values.length + " values: " + text);
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The text for {@code key}; a missing key is a programming error the bundle test catches. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("the demo's bundle has no text '" + key + "'", e);
        }
    }
}
