package dev.crumb.internal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The texts of one language, as a page uses them: {@link #lang()} is the language the texts are in (the
 * visitor's when Crumb or the site speaks it, else English) and is what the page declares in
 * {@code lang}. Every key of Crumb's English bundle is present.
 */
public final class Texts {

    private final String lang;
    private final Locale locale;
    private final Map<String, String> texts;

    Texts(String lang, Map<String, String> texts) {
        this.lang = Objects.requireNonNull(lang, "lang");
        this.locale = Locale.forLanguageTag(lang);
        this.texts = texts;
    }

    /** Crumb's English texts, for code that has no visitor (tests, early errors). */
    public static Texts english() {
        return Messages.defaults().forLanguage("en");
    }

    /** The language of these texts, for the page's {@code lang} attribute. */
    public String lang() {
        return lang;
    }

    /** The text for {@code key}. */
    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text for key '" + key + "' in Crumb's English bundle");
        }
        return text;
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}… replaced by {@code args}. */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A date and time as readers of this language write it (UTC, medium length), e.g. "30.11.2026, 10:30:00". */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** A date as readers of this language write it, e.g. "30 Nov 2026". */
    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atOffset(ZoneOffset.UTC));
    }
}
