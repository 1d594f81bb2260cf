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
        // Values go into %s in order, so a translation must keep exactly as many, and links stay links.
        assertThat(translated.stringPropertyNames()).allSatisfy(key -> {
            assertThat(count(translated.getProperty(key), "%s")).as(key).isEqualTo(count(english.getProperty(key), "%s"));
            assertThat(count(translated.getProperty(key), "<a href=")).as(key)
                    .isEqualTo(count(english.getProperty(key), "<a href="));
        });
    }

    @Test
    @DisplayName("values fill the placeholders in order; a wrong number of values is a clear error")
    void format() {
        assertThat(SiteTexts.of("en").format("cart.total", 3)).isEqualTo("Total (3 items)");
        assertThat(SiteTexts.of("de").format("form.tooLong", "Nachricht", 5000, 5001))
                .isEqualTo("Nachricht: höchstens 5000 Zeichen möglich, Sie haben 5001 eingegeben.");
        assertThat(SiteTexts.of("fr").html("saved.consent", "/contact?x=\"<").toString())
                .contains("return=/contact?x=&quot;&lt;");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> SiteTexts.of("en").format("cart.total")).withMessageContaining("cart.total");
    }

    @Test
    @DisplayName("numbers and prices are written the way the page's language writes them")
    void formatLocale() {
        assertThat(SiteTexts.of("en").formatLocale()).isEqualTo(java.util.Locale.US);
        assertThat(SiteTexts.of("de").formatLocale()).isEqualTo(java.util.Locale.GERMANY);
        assertThat(SiteTexts.of("pl").formatLocale()).isEqualTo(java.util.Locale.US);
    }

    @Test
    @DisplayName("every product of the catalog has its texts, the English ones the catalog's own")
    void catalogTexts() {
        SiteTexts english = SiteTexts.of("en");
        assertThat(dev.crumb.demo.shop.Catalog.officeSupplies().all()).allSatisfy(product -> {
            assertThat(product.name(english)).isEqualTo(product.name());
            assertThat(product.category(english)).isEqualTo(product.category());
            assertThat(product.summary(english)).isEqualTo(product.summary());
            assertThat(product.name(SiteTexts.of("de"))).isNotEqualTo(product.name());
        });
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
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
