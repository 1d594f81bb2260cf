package dev.crumb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

@DisplayName("Crumb's texts: every bundle complete, languages honest, site overrides by key")
class MessagesTest {

    static final java.util.List<String> TRANSLATIONS = Messages.LANGUAGES.stream().filter(l -> !l.equals("en")).toList();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Map<String, String> ENGLISH = Messages.load(Messages.class.getClassLoader(), Messages.BUNDLE, "");

    @ParameterizedTest(name = "{0}")
    @FieldSource("TRANSLATIONS")
    @DisplayName("a bundle has exactly the English keys, no empty text and the same placeholders")
    void complete(String lang) {
        Map<String, String> bundle = Messages.load(Messages.class.getClassLoader(), Messages.BUNDLE, lang);

        assertThat(bundle.keySet()).as("keys of messages_%s.properties", lang).isEqualTo(ENGLISH.keySet());
        bundle.forEach((key, text) -> {
            assertThat(text.strip()).as("%s in %s", key, lang).isNotEmpty();
            assertThat(placeholders(text)).as("placeholders of %s in %s", key, lang).isEqualTo(placeholders(ENGLISH.get(key)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TRANSLATIONS")
    @DisplayName("a language's pages declare that language and are really translated, not English copied")
    void declaresItsOwnLanguage(String lang) {
        Texts t = Messages.defaults().forLanguage(lang);
        long same = ENGLISH.keySet().stream().filter(k -> t.get(k).equals(ENGLISH.get(k))).count();

        assertThat(t.lang()).isEqualTo(lang);
        // A few words are the same in many languages (Marketing, Statistik, Password); whole sentences are not.
        assertThat(same).as("texts identical to English in %s", lang).isLessThan(ENGLISH.size() / 10);
        assertThat(t.get("banner.text")).isNotEqualTo(ENGLISH.get("banner.text"));
    }

    @Test
    @DisplayName("English has every key the pages use, and the 26 languages are the EU's 24 plus Norwegian and Icelandic")
    void englishBase() {
        assertThat(ENGLISH).containsKeys("banner.text", "consent.title", "me.title", "cookies.title", "login.title",
                "unsubscribe.title", "error.notFoundTitle", "source.region-default");
        assertThat(new TreeSet<>(Messages.LANGUAGES)).hasSize(26).contains("ga", "mt", "nb", "is", "en");
    }

    @Test
    @DisplayName("a language Crumb does not speak gets English pages that say lang=en; Norwegian 'no' gets Bokmål")
    void fallbackLanguage() {
        assertThat(Messages.defaults().forLanguage("ja").lang()).isEqualTo("en");
        assertThat(Messages.defaults().forLanguage("ja").get("consent.title")).isEqualTo(ENGLISH.get("consent.title"));
        assertThat(Messages.defaults().forLanguage("no").lang()).isEqualTo("nb");
        assertThat(Messages.defaults().forLanguage("DE").lang()).isEqualTo("de");
        assertThat(Messages.defaults().forLanguage(null).lang()).isEqualTo("en");
    }

    @Test
    @DisplayName("a site's text in the visitor's language wins; a key it gives only in English beats no translation only")
    void siteOverrides() {
        Messages site = new Messages(null, Map.of(
                "en", Map.of("cookies.body", "Without a cookie we cannot keep your basket.", "consent.title", "Our cookies"),
                "de", Map.of("cookies.body", "Ohne Cookie können wir Ihren Warenkorb nicht behalten.")),
                getClass().getClassLoader());

        assertThat(site.forLanguage("de").get("cookies.body")).isEqualTo("Ohne Cookie können wir Ihren Warenkorb nicht behalten.");
        assertThat(site.forLanguage("de").get("consent.title")).as("Crumb's German beats the site's English")
                .isEqualTo("Cookies und Datenschutz-Einstellungen");
        assertThat(site.forLanguage("en").get("consent.title")).isEqualTo("Our cookies");
        assertThat(site.forLanguage("ja").get("cookies.body")).isEqualTo("Without a cookie we cannot keep your basket.");
    }

    @Test
    @DisplayName("a site bundle overrides by key from its properties files; a missing bundle fails at start-up")
    void siteBundle() {
        Messages site = new Messages("dev.crumb.testsupport.site-texts", Map.of(), getClass().getClassLoader());

        assertThat(site.forLanguage("fr").get("banner.text")).isEqualTo("Des cookies, seulement si vous le voulez.");
        assertThat(site.forLanguage("en").get("banner.text")).isEqualTo("Cookies only if you want them.");
        assertThat(site.forLanguage("fr").get("banner.settings")).isEqualTo("Paramètres des cookies");
        assertThatThrownBy(() -> new Messages("no.such.bundle", Map.of(), getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no/such/bundle.properties");
    }

    @Test
    @DisplayName("an unknown key is a programming error, never a raw key on a page; dates are in the reader's language")
    void keysAndDates() {
        Texts de = Messages.defaults().forLanguage("de");

        assertThatThrownBy(() -> de.get("no.such.key")).isInstanceOf(IllegalArgumentException.class);
        assertThat(de.format("consent.chosenOn", "02.03.2026")).isEqualTo("Sie haben dies am 02.03.2026 gewählt.");
        assertThat(de.date(Instant.parse("2026-03-02T10:00:00Z"))).isEqualTo("02.03.2026");
        assertThat(Texts.english().dateTime(Instant.parse("2026-03-02T10:00:00Z"))).contains("Mar 2, 2026").endsWith("UTC");
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
