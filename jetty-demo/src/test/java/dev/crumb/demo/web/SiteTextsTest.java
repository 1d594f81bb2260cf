package dev.crumb.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's own texts: en, de and fr complete, other languages English")
class SiteTextsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"de", "fr"})
    @DisplayName("a translation has every English key, none empty, none left in English sentences")
    void complete(String lang) throws IOException {
        Properties english = load("");
        Properties translated = load("_" + lang);

        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(translated.stringPropertyNames()).allSatisfy(key ->
                assertThat(translated.getProperty(key).strip()).as(key).isNotEmpty());
        assertThat(SiteTexts.of(lang).get("home.heading")).isNotEqualTo(english.getProperty("home.heading"));
    }

    @Test
    @DisplayName("a language the demo does not speak gets English and says so")
    void fallback() {
        assertThat(SiteTexts.of("pl").lang()).isEqualTo("en");
        assertThat(SiteTexts.of("pl").get("nav.cart")).isEqualTo("Cart");
        assertThat(SiteTexts.of("de").get("nav.cart")).isEqualTo("Warenkorb");
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SiteTexts.class.getResourceAsStream("/dev/crumb/demo/site" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
