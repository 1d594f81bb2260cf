package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.testsupport.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's own pages speak the language the visitor chose in the header (issue 15): a German or French
 * visitor gets the page in that language, declared once on {@code <html>}, with no English left in
 * {@code <main>} except the privacy policy's legal text, which is marked {@code lang="en"}.
 */
@DisplayName("The demo site in German and French")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSiteLanguagesIT {

    private static final String MAIN_IN_PAGE_LANGUAGE = "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">";

    private RunningDemo demo;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        demo = RunningDemo.start(dataDir);
    }

    @AfterAll
    void stop() throws Exception {
        demo.close();
    }

    /** A visitor who chose {@code language} in the header's country and language form. */
    private Browser visitorIn(String language) throws Exception {
        Browser visitor = demo.browser();
        HttpResponse<String> chosen = SitePages.submit(visitor, "/", "/crumb/locale",
                Map.of("country", "DE", "language", language, "return", "/"));
        assertThat(chosen.statusCode()).isEqualTo(303);
        return visitor;
    }

    static Stream<Arguments> germanPages() {
        return Stream.of(
                Arguments.of("/", "Alles, was Ihr Büro am Laufen hält", "Popular this month"),
                Arguments.of("/products", "<h1>Produkte</h1>", "Add to cart"),
                Arguments.of("/products/p200-laser-printer", "<h1>Laserdrucker P200</h1>", "Add to cart"),
                Arguments.of("/products/st24-stapler", "In den Warenkorb", "Quantity"),
                Arguments.of("/cart", "Ihr Warenkorb ist leer.", "Your cart"),
                Arguments.of("/account", "Gespeicherte Angaben", "Order history"),
                Arguments.of("/contact", "Ich möchte Neuigkeiten und Angebote erhalten", "Send me news"),
                Arguments.of("/contact/thanks?saved=none", "Vielen Dank, Ihre Nachricht ist unterwegs", "Back to the shop"),
                Arguments.of("/support", "Seriennummer des Geräts", "Send request"),
                Arguments.of("/support/thanks", "Ihre Support-Anfrage ist bei uns eingegangen", "Back to the shop"),
                Arguments.of("/privacy", "<h1>Datenschutzerklärung</h1>", "This is revision"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("germanPages")
    @DisplayName("a German visitor sees each page in German, declared lang=\"de\" once")
    void germanPage(String path, String german, String english) throws Exception {
        Browser visitor = visitorIn("de");

        HttpResponse<String> response = visitor.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<html lang=\"de\">").contains(MAIN_IN_PAGE_LANGUAGE).contains(german)
                .doesNotContain(english).doesNotContain("%s");
    }

    @Test
    @DisplayName("German prices are written the German way, still in US dollars")
    void germanPrices() throws Exception {
        assertThat(visitorIn("de").get("/products/c5-color-copier").body()).contains("1.890,00\u00a0$");
    }

    @Test
    @DisplayName("the privacy policy's legal text stays English, marked lang=\"en\", and the page says so in German")
    void privacyPolicyInEnglishSaysSo() throws Exception {
        String body = visitorIn("de").get("/privacy").body();

        assertThat(body).contains("id=\"policy-language\"")
                .contains("Die Datenschutzerklärung ist ein Rechtstext und wird nur auf Englisch veröffentlicht.")
                .contains("<div lang=\"en\"><p>At Crumb Office Supply, privacy on the Internet means that:</p>")
                .contains("<strong>Fassung 1</strong>").contains("<ul lang=\"en\">");
        assertThat(demo.browser().get("/privacy").body()).as("in English nothing needs saying")
                .doesNotContain("policy-language").doesNotContain("lang=\"en\"><p>");
    }

    @Test
    @DisplayName("a German visitor's form problems are in German")
    void germanFormProblems() throws Exception {
        HttpResponse<String> response = SitePages.submit(visitorIn("de"), "/contact", "/contact",
                Map.of("name", "Ada", "email", "nope", "message", ""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("<html lang=\"de\">").contains(MAIN_IN_PAGE_LANGUAGE)
                .contains("Bitte prüfen Sie 2 Angaben")
                .contains("Geben Sie eine E-Mail-Adresse wie name@example.com ein.")
                .contains("Schreiben Sie uns eine Nachricht").contains("<span class=\"optional\">(optional)</span>")
                .doesNotContain("Enter an email address");
    }

    @Test
    @DisplayName("a German visitor's error and expired-form pages are in German")
    void germanErrors() throws Exception {
        Browser visitor = visitorIn("de");

        HttpResponse<String> missing = visitor.get("/products/no-such-product");
        HttpResponse<String> refused = visitor.post("/cart", Map.of("action", "add", "product", "st24-stapler"));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"de\">").contains(MAIN_IN_PAGE_LANGUAGE)
                .contains("Seite nicht gefunden").contains("Fehler 404");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<html lang=\"de\">").contains(MAIN_IN_PAGE_LANGUAGE)
                .contains("Dieses Formular ist abgelaufen").contains("Fehler 403");
    }

    @Test
    @DisplayName("a German analyst sees the dashboard in German, numbers and dates the German way")
    void germanDashboard() throws Exception {
        Browser analyst = visitorIn("de");
        SitePages.submit(analyst, "/crumb/analytics/login?return=/analytics", "/crumb/analytics/login",
                Map.of("user", AnalystLogin.USER, "password", RunningDemo.ANALYST_PASSWORD, "return", "/analytics"));

        HttpResponse<String> dashboard = analyst.get("/analytics?from=2026-11-01&to=2026-11-28");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<html lang=\"de\">").contains(MAIN_IN_PAGE_LANGUAGE)
                .contains("<h1>Website-Statistik</h1>").contains("<dt>Seitenaufrufe</dt>")
                .contains("1. Nov. 2026 – 28. Nov. 2026 (Kalendertage, UTC)").contains("id=\"top-pages\"")
                .doesNotContain("Page views").doesNotContain("Bounce rate");
    }

    @Test
    @DisplayName("a French visitor sees the cart, a product and the contact form in French")
    void frenchPages() throws Exception {
        Browser visitor = visitorIn("fr");

        assertThat(visitor.get("/cart").body()).contains("<html lang=\"fr\">").contains(MAIN_IN_PAGE_LANGUAGE)
                .contains("Votre panier est vide.");
        assertThat(visitor.get("/products/p200-laser-printer").body()).contains("<h1>Imprimante laser P200</h1>")
                .contains("Ajouter au panier").contains("249,00");
        assertThat(visitor.get("/contact").body()).contains("Je souhaite recevoir des actualités et des offres")
                .contains("(facultatif)");
    }
}
