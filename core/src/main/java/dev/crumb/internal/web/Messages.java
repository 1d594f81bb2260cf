package dev.crumb.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every text Crumb shows a visitor, by key and language: Crumb's own bundle
 * ({@code dev/crumb/messages*.properties}, UTF-8, English as the base) under a site's overrides (its own
 * bundle base name and/or a map from the builder). A text is looked up in this order, so that a text in
 * the visitor's language always beats an English one:
 * <ol>
 * <li>the site's map, then the site's bundle, in the visitor's language;</li>
 * <li>Crumb's bundle in the visitor's language;</li>
 * <li>the site's map, then the site's bundle, in English (the base file);</li>
 * <li>Crumb's English bundle — which has every key, so a page never shows a raw key.</li>
 * </ol>
 * Placeholders {@code {0}}, {@code {1}} are replaced literally (not {@link java.text.MessageFormat}),
 * so translators never need to double apostrophes.
 */
public final class Messages {

    /** Crumb's own bundle base name. */
    public static final String BUNDLE = "dev.crumb.messages";

    /**
     * The languages Crumb itself speaks: the 24 official EU languages, Norwegian Bokmål and Icelandic.
     * Swiss visitors get German, French or Italian.
     */
    public static final List<String> LANGUAGES = List.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr",
            "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "nb", "is");

    private static final String ENGLISH = "en";
    // Browsers and CDNs say "no" (Norwegian) as often as "nb"; Crumb's Norwegian is Bokmål.
    private static final Map<String, String> ALIASES = Map.of("no", "nb", "nn", "nb");

    private final String siteBundle;
    private final Map<String, Map<String, String>> siteTexts;
    private final ClassLoader siteLoader;
    private final Map<String, Texts> byLanguage = new ConcurrentHashMap<>();

    /**
     * @param siteBundle the site's bundle base name (e.g. {@code shop.crumb-texts}), or {@code null}
     * @param siteTexts  the site's texts by language and key ({@code ""} or {@code "en"} for English)
     * @param siteLoader where the site's bundle is found (the web application's class loader)
     * @throws IllegalArgumentException when {@code siteBundle} is given but has no base file
     */
    public Messages(String siteBundle, Map<String, Map<String, String>> siteTexts, ClassLoader siteLoader) {
        this.siteBundle = siteBundle;
        this.siteLoader = siteLoader == null ? Messages.class.getClassLoader() : siteLoader;
        Map<String, Map<String, String>> copy = new HashMap<>();
        Objects.requireNonNull(siteTexts, "siteTexts").forEach((lang, texts) ->
                copy.put(lang.isEmpty() ? ENGLISH : lang.toLowerCase(Locale.ROOT), Map.copyOf(texts)));
        this.siteTexts = Map.copyOf(copy);
        if (siteBundle != null && load(this.siteLoader, siteBundle, "").isEmpty()) {
            throw new IllegalArgumentException("messages '" + siteBundle + "' names no bundle: expected "
                    + resource(siteBundle, "") + " on the class path (UTF-8 properties; add messages_de.properties "
                    + "and so on for other languages)");
        }
    }

    /** Crumb's own texts, without site overrides. */
    public static Messages defaults() {
        return Holder.DEFAULTS;
    }

    /** The texts for a visitor whose language is {@code language} (any case; unknown languages get English). */
    public Texts forLanguage(String language) {
        String lang = language == null ? ENGLISH : language.toLowerCase(Locale.ROOT);
        lang = ALIASES.getOrDefault(lang, lang);
        return byLanguage.computeIfAbsent(lang, this::build);
    }

    private Texts build(String lang) {
        Map<String, String> crumbEnglish = load(Messages.class.getClassLoader(), BUNDLE, "");
        Map<String, String> crumbOwn = lang.equals(ENGLISH) ? Map.of() : load(Messages.class.getClassLoader(), BUNDLE, lang);
        Map<String, String> siteOwn = lang.equals(ENGLISH) ? Map.of() : site(lang);
        Map<String, String> siteEnglish = site(ENGLISH);
        boolean spoken = lang.equals(ENGLISH) || !crumbOwn.isEmpty() || !siteOwn.isEmpty();
        String pageLang = spoken ? lang : ENGLISH;
        Map<String, String> merged = new HashMap<>(crumbEnglish);
        merged.putAll(siteEnglish);
        if (spoken) {
            merged.putAll(crumbOwn);
            merged.putAll(siteOwn);
        }
        return new Texts(pageLang, Map.copyOf(merged));
    }

    private Map<String, String> site(String lang) {
        Map<String, String> out = new HashMap<>();
        if (siteBundle != null) {
            out.putAll(load(siteLoader, siteBundle, lang.equals(ENGLISH) ? "" : lang));
            if (lang.equals(ENGLISH)) {
                out.putAll(load(siteLoader, siteBundle, ENGLISH));
            }
        }
        out.putAll(siteTexts.getOrDefault(lang, Map.of()));
        return out;
    }

    /** One properties file (not its parents), read as UTF-8; empty when absent. */
    static Map<String, String> load(ClassLoader loader, String baseName, String lang) {
        try (InputStream in = loader.getResourceAsStream(resource(baseName, lang))) {
            if (in == null) {
                return Map.of();
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                PropertyResourceBundle bundle = new PropertyResourceBundle(reader);
                Map<String, String> out = new HashMap<>();
                for (String key : Collections.list(bundle.getKeys())) {
                    out.put(key, bundle.getString(key));
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource(baseName, lang), e);
        }
    }

    static String resource(String baseName, String lang) {
        return baseName.replace('.', '/') + (lang.isEmpty() ? "" : "_" + lang) + ".properties";
    }

    private static final class Holder {
        static final Messages DEFAULTS = new Messages(null, Map.of(), Messages.class.getClassLoader());
    }
}
