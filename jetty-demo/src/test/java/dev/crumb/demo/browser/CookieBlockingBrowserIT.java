package dev.crumb.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.demo.RunningDemo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

@DisplayName("Issue 5 in Chromium: visitors who block cookies, and saved forms for those who do not")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieBlockingBrowserIT {

    private RunningDemo demo;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Chromium.requireInstalled();
        demo = RunningDemo.start(dataDir);
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @DisplayName("a browser blocking all cookies browses home, products and contact normally, and is told why /cart needs a cookie")
    void blockedCookies() {
        try (Chromium.Session browser = Chromium.open(Chromium.Profile.english().blockingCookies())) {
            WebDriver driver = browser.driver();
            for (String path : new String[] {"/", "/products", "/products/p200-laser-printer", "/contact"}) {
                driver.get(demo.uri(path).toString());

                assertThat(driver.getCurrentUrl()).as("no redirect on " + path).isEqualTo(demo.uri(path).toString());
                assertThat(driver.findElements(By.cssSelector("main h1"))).as("page content of " + path).hasSize(1);
            }
            assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEmpty();
            type(driver, "name", "Grace Hopper");
            type(driver, "email", "grace@example.com");
            type(driver, "message", "Do you ship to Arlington?");
            Chromium.submit(driver, driver.findElement(By.cssSelector("form.form button[type=submit]")));
            assertThat(driver.getCurrentUrl()).as("the contact form works without cookies").contains("/contact/thanks");
            assertThat(driver.findElement(By.cssSelector("main h1")).getText()).startsWith("Thank you");

            driver.get(demo.uri("/cart").toString());

            assertThat(driver.findElement(By.id("crumb-cookies-required")).getText()).contains("This page needs a cookie");
            assertThat(driver.getCurrentUrl()).as("one probe, no loop").endsWith("/cart?crumb_probe=1");
            assertThat(driver.manage().getCookies()).isEmpty();
        }
    }

    @Test
    @DisplayName("a browser keeping cookies has the contact form remembered after allowing preferences, and forgotten after 'Forget me'")
    void savedFormRoundTrip() {
        try (Chromium.Session browser = Chromium.open(Chromium.Profile.english().language("en-GB"))) {
            WebDriver driver = browser.driver();
            driver.get(demo.uri("/contact").toString());
            Chromium.submit(driver, driver.findElement(By.cssSelector("#crumb-banner form a")));
            driver.findElement(By.id("crumb-preferences")).click();
            Chromium.submit(driver, driver.findElement(By.cssSelector("button[value=save]")));
            assertThat(driver.getCurrentUrl()).endsWith("/contact#crumb-saved");

            type(driver, "name", "Ada Lovelace");
            type(driver, "email", "ada@example.com");
            type(driver, "city", "London");
            type(driver, "message", "Ten printers, please.");
            Chromium.submit(driver, driver.findElement(By.cssSelector("form.form button[type=submit]")));

            assertThat(driver.findElement(By.id("saved-note")).getText()).contains("Saved for next time: name, email, city");
            driver.get(demo.uri("/contact").toString());
            assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Ada Lovelace");
            assertThat(driver.findElement(By.id("city")).getAttribute("value")).isEqualTo("London");
            assertThat(driver.findElement(By.id("message")).getAttribute("value")).isEmpty();
            assertThat(driver.findElement(By.id("marketing")).isSelected()).isFalse();

            driver.get(demo.uri("/crumb/me").toString());
            Chromium.submit(driver, driver.findElement(By.cssSelector("form[action='/crumb/forget'] button")));
            driver.get(demo.uri("/contact").toString());

            assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEmpty();
            assertThat(driver.findElement(By.id("city")).getAttribute("value")).isEmpty();
        }
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
