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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

@DisplayName("Issue 7 in Chromium: a new visitor from the EU and the cookie banner")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentBrowserIT {

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
    @DisplayName("sees the banner, rejects, holds only Crumb's cookie while browsing; after allowing preferences gets recently_viewed")
    void rejectThenAllowPreferences() {
        try (Chromium.Session browser = Chromium.open(Chromium.Profile.english().language("de-DE"))) {
            WebDriver driver = browser.driver();
            driver.get(demo.uri("/").toString());

            assertThat(driver.findElement(By.id("crumb-banner")).getAttribute("lang")).isEqualTo("de");
            assertThat(driver.findElement(By.cssSelector("#locale-country option[selected]")).getAttribute("value"))
                    .isEqualTo("DE");
            Chromium.submit(driver, driver.findElement(By.cssSelector("#crumb-banner button[value=reject-all]")));

            assertThat(driver.findElements(By.id("crumb-banner"))).isEmpty();
            driver.get(demo.uri("/products").toString());
            driver.get(demo.uri("/products/st24-stapler").toString());
            driver.get(demo.uri("/products/p200-laser-printer").toString());
            assertThat(driver.findElements(By.id("crumb-banner"))).isEmpty();
            assertThat(driver.manage().getCookies()).extracting(Cookie::getName).containsExactly("crumb");

            driver.get(demo.uri("/crumb/consent?return=/products/p200-laser-printer").toString());
            driver.findElement(By.id("crumb-preferences")).click();
            Chromium.submit(driver, driver.findElement(By.cssSelector("button[value=save]")));
            driver.get(demo.uri("/products/st24-stapler").toString());

            assertThat(driver.manage().getCookies()).extracting(Cookie::getName)
                    .containsExactlyInAnyOrder("crumb", "recently_viewed");
            assertThat(driver.manage().getCookieNamed("recently_viewed").getValue())
                    .as("the product viewed since, then the one the consent page returned to")
                    .isEqualTo("st24-stapler.p200-laser-printer");
            assertThat(driver.manage().getCookieNamed("recently_viewed").getPath()).isEqualTo("/products");
        }
    }
}
