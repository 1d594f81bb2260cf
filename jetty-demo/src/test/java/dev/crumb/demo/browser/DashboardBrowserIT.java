package dev.crumb.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.TrackingMetrics;
import dev.crumb.demo.RunningDemo;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.Eventually;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 7 in Chromium: the analysts' dashboard of a demo started with {@code --seed-demo-data}, after a
 * few scripted visits today. Also takes the README's screenshots: into {@code target/screenshots}, or
 * into the directory named by the system property {@code crumb.demo.screenshots} (the README says how to
 * refresh {@code docs/images} with it).
 */
@DisplayName("Issue 7 in Chromium: the analytics dashboard")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final List<String> SCRIPTED_PATHS = List.of("/", "/products", "/products/st24-stapler");
    private static final int SCRIPTED_VISITORS = 3;

    private RunningDemo demo;
    private Path screenshots;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Chromium.requireInstalled();
        demo = RunningDemo.start(dataDir, "--seed-demo-data");
        screenshots = Path.of(System.getProperty("crumb.demo.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @DisplayName("after scripted visits, the analyst signs in through the form and sees the chart and the summary's totals")
    void dashboardShowsTheSummary() throws Exception {
        long writtenBefore = demo.server().trackingMetrics().written();
        for (int i = 0; i < SCRIPTED_VISITORS; i++) {
            Browser visitor = demo.browser();
            for (String path : SCRIPTED_PATHS) {
                assertThat(visitor.get(path).statusCode()).isEqualTo(200);
            }
        }
        long expected = writtenBefore + (long) SCRIPTED_VISITORS * SCRIPTED_PATHS.size();
        Eventually.await("the tracker to write the scripted page views", Duration.ofSeconds(15), () -> {
            TrackingMetrics metrics = demo.server().trackingMetrics();
            return metrics.queued() == 0 && metrics.written() >= expected;
        });

        try (Chromium.Session browser = Chromium.open(Chromium.Profile.english().window(1280, 2000))) {
            WebDriver driver = browser.driver();
            driver.get(demo.uri("/analytics").toString());
            assertThat(driver.getCurrentUrl()).contains("/crumb/analytics/login");
            driver.findElement(By.id("crumb-password")).sendKeys(RunningDemo.ANALYST_PASSWORD);
            Chromium.submit(driver, driver.findElement(By.cssSelector("main form button[type=submit]")));

            assertThat(driver.getCurrentUrl()).isEqualTo(demo.uri("/analytics").toString());
            assertThat(driver.findElement(By.cssSelector("svg.chart")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector("svg.chart rect"))).hasSize(28);
            String from = driver.findElement(By.id("from")).getAttribute("value");
            String to = driver.findElement(By.id("to")).getAttribute("value");
            JsonNode summary = summary(from, to);

            List<String> headlines = driver.findElements(By.cssSelector(".kpi-value")).stream()
                    .map(WebElement::getText).toList();
            assertThat(headlines.subList(0, 3)).containsExactly(count(summary, "visitors"), count(summary, "visits"),
                    count(summary, "pageviews"));
            assertThat(summary.get("visits").asLong()).as("seeded visits").isGreaterThan(100);
            JsonNode today = summary.get("days").get(summary.get("days").size() - 1);
            assertThat(today.get("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
            assertThat(today.get("visitors").asLong()).isGreaterThanOrEqualTo(SCRIPTED_VISITORS);
            assertThat(today.get("pageviews").asLong())
                    .isGreaterThanOrEqualTo((long) SCRIPTED_VISITORS * SCRIPTED_PATHS.size());

            Chromium.submit(driver, driver.findElement(By.cssSelector("#crumb-banner button[value=reject-all]")));
            assertThat(driver.getCurrentUrl()).isEqualTo(demo.uri("/analytics").toString() + "#crumb-saved");
            driver.manage().window().setSize(new Dimension(1280, 1450));
            screenshot(driver, "demo-analytics.png");
        }
    }

    @Test
    @DisplayName("a new visitor's home page shows the banner (screenshots for the README)")
    void homePageWithBanner() throws Exception {
        try (Chromium.Session browser = Chromium.open(Chromium.Profile.english())) {
            WebDriver driver = browser.driver();
            driver.get(demo.uri("/").toString());

            assertThat(driver.findElement(By.id("crumb-banner")).isDisplayed()).isTrue();
            screenshot(driver, "demo-home.png");
            driver.manage().window().setSize(new Dimension(375, 812));
            driver.navigate().refresh();
            assertThat(driver.findElement(By.id("crumb-banner")).isDisplayed()).isTrue();
            screenshot(driver, "demo-home-375.png");
        }
    }

    private JsonNode summary(String from, String to) throws IOException, InterruptedException {
        HttpResponse<String> response = demo.getAsAnalyst("/crumb/analytics/summary?from=" + from + "&to=" + to);
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static String count(JsonNode summary, String field) {
        return NumberFormat.getIntegerInstance(Locale.US).format(summary.get(field).asLong());
    }

    private void screenshot(WebDriver driver, String name) throws IOException {
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
