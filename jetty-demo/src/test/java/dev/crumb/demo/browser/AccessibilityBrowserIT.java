package dev.crumb.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.demo.RunningDemo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Crumb's own pages in Chromium, checked by axe-core against every WCAG 2.0/2.1/2.2 A and AA rule, in
 * five languages and at a phone's and a desktop's width; and the banner used with the keyboard only.
 * One browser for the whole class (a fresh visitor per language: its cookies are deleted).
 */
@DisplayName("Issue 15 in Chromium: Crumb's pages pass axe-core (WCAG 2.2 AA) in five languages, and the banner works by keyboard")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserIT {

    /** Five languages from four scripts and families, including one the demo's own pages do not speak. */
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "pl", "el");
    private static final List<Integer> WIDTHS = List.of(375, 1280);
    private static final String FOCUS_RING = "rgba(26, 77, 143, 1)";

    private RunningDemo demo;
    private AxeCore axe;
    private Chromium.Session browser;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Chromium.requireInstalled();
        axe = AxeCore.load();
        demo = RunningDemo.start(dataDir, "--languages", String.join(",", LANGUAGES));
        browser = Chromium.open(Chromium.Profile.english());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @DisplayName("banner, consent, me, forget, unsubscribe, form expired, cookies required, analyst login and 404: no violation, right lang, no overflow, no CSP refusal")
    void everyLibraryPage() {
        WebDriver driver = browser.driver();
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            newVisitorSpeaking(driver, lang);

            check(driver, "/", lang, problems, false);
            browserConsole(driver).stream().filter(line -> line.contains("Content Security Policy"))
                    .forEach(line -> problems.add(lang + " /: console: " + line));
            assertThat(driver.findElement(By.id("crumb-banner")).getAttribute("lang")).isEqualTo(lang);
            for (String page : List.of("/crumb/consent?return=%2Fproducts", "/crumb/me", "/crumb/unsubscribe",
                    "/crumb/analytics/login", "/crumb/no-such-page")) {
                check(driver, page, lang, problems, true);
            }
            // A choice: the page returned to confirms it (role=status).
            driver.get(demo.uri("/").toString());
            Chromium.submit(driver, driver.findElement(By.cssSelector("#crumb-banner button[value=accept-all]")));
            assertThat(driver.getCurrentUrl()).endsWith("/#crumb-saved");
            assertThat(driver.findElement(By.id("crumb-saved")).isDisplayed()).isTrue();
            checkCurrent(driver, "/#crumb-saved", lang, problems, false);
            // Forget me, then the page it returns to.
            driver.get(demo.uri("/crumb/me").toString());
            Chromium.submit(driver, driver.findElement(By.cssSelector("form[action='/crumb/forget'] button")));
            checkCurrent(driver, "after forget", lang, problems, true);
            // A form that expired: Crumb's 403 page.
            // (The demo's unsubscribe page has no form: without UnsubscribeConfirmations it points to the
            // link in every email. The consent page's form is the CSRF-protected one.)
            driver.get(demo.uri("/crumb/consent?return=%2Fproducts").toString());
            ((JavascriptExecutor) driver).executeScript("document.querySelector('main input[name=csrf]').value = 'stale';");
            Chromium.submit(driver, driver.findElement(By.cssSelector("main form button[value=save]")));
            checkCurrent(driver, "form expired", lang, problems, true);
            // A browser that did not keep the cookie, on a page that needs one (its language: the browser's).
            driver.manage().deleteAllCookies();
            driver.get(demo.uri("/cart?crumb_probe=1").toString());
            assertThat(driver.findElements(By.id("crumb-cookies-required"))).hasSize(1);
            checkCurrent(driver, "cookies required", "en", problems, true);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("keyboard only: Tab reaches Reject, Accept and Settings with a visible ring; Enter follows and chooses; focus lands on the confirmation")
    void bannerByKeyboard() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));
        newVisitorSpeaking(driver, "de");
        driver.get(demo.uri("/products").toString());

        // The first layer (controller and privacy policy) comes with the question, before the buttons.
        assertThat(tab(driver).getAttribute("href")).endsWith("/privacy");
        assertFocusVisible(driver);
        assertThat(tab(driver).getAttribute("value")).isEqualTo("reject-all");
        assertFocusVisible(driver);
        assertThat(tab(driver).getAttribute("value")).isEqualTo("accept-all");
        assertFocusVisible(driver);
        WebElement settings = tab(driver);
        assertThat(settings.getAttribute("href")).endsWith("/crumb/consent?return=%2Fproducts");
        assertFocusVisible(driver);
        assertThat(tab(driver).getAttribute("class")).as("the skip link comes after the banner").contains("skip-link");

        settings.sendKeys(Keys.ENTER);
        waitForUrl(driver, "/crumb/consent?return=%2Fproducts");
        WebElement back = tab(driver);
        assertThat(back.getAttribute("href")).endsWith("/products");
        assertFocusVisible(driver);
        back.sendKeys(Keys.ENTER);
        waitForUrl(driver, "/products");

        new Actions(driver).sendKeys(Keys.TAB).perform();
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement reject = active(driver);
        assertThat(reject.getAttribute("value")).isEqualTo("reject-all");
        reject.sendKeys(Keys.ENTER);
        waitForUrl(driver, "/products#crumb-saved");
        WebElement status = driver.findElement(By.id("crumb-saved"));
        assertThat(status.getAttribute("role")).isEqualTo("status");
        assertThat(status.getText()).startsWith("Ihre Wahl wurde gespeichert");
        assertThat(active(driver).getAttribute("id")).as("focus moves to the confirmation").isEqualTo("crumb-saved");
        assertThat(driver.findElements(By.id("crumb-banner"))).isEmpty();
    }

    /** A visitor with no cookie who then chooses {@code lang} in the locale form (as a visitor from there would). */
    private void newVisitorSpeaking(WebDriver driver, String lang) {
        driver.get(demo.uri("/").toString());
        driver.manage().deleteAllCookies();
        driver.get(demo.uri("/").toString());
        // The demo's picker lists the languages of its own pages; Crumb accepts every --languages entry.
        ((JavascriptExecutor) driver).executeScript("""
                const s = document.getElementById('locale-language');
                if (![...s.options].some(o => o.value === arguments[0])) { s.add(new Option(arguments[0], arguments[0])); }
                s.value = arguments[0];
                s.form.submit();""", lang);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> lang.equals(
                d.findElement(By.cssSelector("#crumb-banner")).getAttribute("lang")));
    }

    private void check(WebDriver driver, String path, String lang, List<String> problems, boolean library) {
        driver.get(demo.uri(path).toString());
        checkCurrent(driver, path, lang, problems, library);
    }

    /** The page as loaded, at each width in turn (resizing reflows it; no reload needed). */
    private void checkCurrent(WebDriver driver, String page, String lang, List<String> problems, boolean library) {
        for (int width : WIDTHS) {
            driver.manage().window().setSize(new Dimension(width, 900));
            checkAt(driver, page, lang, width, problems, library);
        }
    }

    private void checkAt(WebDriver driver, String page, String lang, int width, List<String> problems,
                         boolean library) {
        problems.addAll(prefixed(lang, width, page, axe.violations(driver)));
        String htmlLang = driver.findElement(By.tagName("html")).getAttribute("lang");
        String expected = library ? lang : (List.of("en", "de", "fr").contains(lang) ? lang : "en");
        if (!expected.equals(htmlLang)) {
            problems.add(lang + " " + width + "px " + page + ": <html lang=" + htmlLang + ">, expected " + expected);
        }
        if (driver.getPageSource().contains("<style")) {
            problems.add(lang + " " + width + "px " + page + ": inline <style> (blocked by a strict CSP)");
        }
        Map<String, Object> widths = AxeCore.widths(driver);
        if (library && ((Number) widths.get("page")).longValue() > ((Number) widths.get("window")).longValue()) {
            problems.add(lang + " " + width + "px " + page + ": wider than the window " + widths);
        }
    }

    /** The browser console's messages since the last call. */
    private static List<String> browserConsole(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    private static List<String> prefixed(String lang, int width, String page, List<String> violations) {
        return violations.stream().map(v -> lang + " " + width + "px " + page + ": " + v).toList();
    }

    private static WebElement tab(WebDriver driver) {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        return active(driver);
    }

    private static WebElement active(WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    /** The focused element shows Crumb's focus ring: a solid dark blue outline at least 2 px wide. */
    private static void assertFocusVisible(WebDriver driver) {
        WebElement focused = active(driver);
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(Double.parseDouble(focused.getCssValue("outline-width").replace("px", ""))).isGreaterThanOrEqualTo(2);
        assertThat(focused.getCssValue("outline-color")).isEqualTo(FOCUS_RING);
    }

    private static void waitForUrl(WebDriver driver, String ending) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(ending));
    }
}
