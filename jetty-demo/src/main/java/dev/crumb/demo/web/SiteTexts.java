package dev.crumb.demo.web;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The demo's own texts (frame and home page) in English, German and French, from the UTF-8 bundle
 * {@code dev/crumb/demo/site*.properties}. A visitor in any other language gets English, and the page
 * says {@code lang="en"}; Crumb's own banner and pages speak the visitor's language all the same.
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

    /** The language the texts are in, for {@code lang}. */
    public String lang() {
        return lang;
    }

    /** The locale of the texts, for names of countries. */
    public Locale locale() {
        return Locale.forLanguageTag(lang);
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
