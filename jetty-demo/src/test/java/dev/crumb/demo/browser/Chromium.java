package dev.crumb.demo.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests: the Debian packages {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them). Each {@link #open} starts a fresh browser with
 * a profile directory of its own, so no test sees another's cookies; {@link Session#close} quits it and
 * deletes the profile.
 *
 * <p>Without Chromium the tests are skipped with a message saying what to install, unless
 * {@code CRUMB_TEST_REQUIRE_CHROMIUM=true} or {@code CI=true}: then they fail, so a CI machine that lost
 * its browser cannot pass silently.
 */
public final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run");

    private Chromium() {
    }

    /** What a test wants of its browser profile. */
    public record Profile(String language, boolean blockCookies, int width, int height) {

        /** An English (US) browser that keeps cookies, in a desktop window. */
        public static Profile english() {
            return new Profile("en-US", false, 1280, 900);
        }

        /** This profile with {@code language} as the UI and {@code Accept-Language}, e.g. {@code de-DE}. */
        public Profile language(String tag) {
            return new Profile(tag, blockCookies, width, height);
        }

        /** This profile blocking every cookie, as a visitor's browser setting would. */
        public Profile blockingCookies() {
            return new Profile(language, true, width, height);
        }

        /** This profile with a window of {@code width} by {@code height} CSS pixels. */
        public Profile window(int w, int h) {
            return new Profile(language, blockCookies, w, h);
        }
    }

    /** A running browser and its profile directory. */
    public record Session(WebDriver driver, Path profileDir) implements AutoCloseable {
        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteQuietly(profileDir);
            }
        }
    }

    /** Skips (or, on CI, fails) the calling test when Chromium or its driver is not installed. */
    public static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(BINARY)) {
            missing.add(BINARY.toString());
        }
        if (!Files.isExecutable(DRIVER)) {
            missing.add(DRIVER.toString());
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "browser tests need " + String.join(" and ", missing)
                + ": install the Debian packages chromium and chromium-driver (as .ci/run does)";
        if (required(System.getenv())) {
            fail(message + "; failing because CRUMB_TEST_REQUIRE_CHROMIUM or CI is true");
        }
        Assumptions.abort(message + "; skipped");
    }

    static boolean required(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CRUMB_TEST_REQUIRE_CHROMIUM", ""))
                || "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
    }

    /** Starts a browser with {@code profile}; close the session to quit it. */
    public static Session open(Profile profile) {
        requireInstalled();
        Path dir;
        try {
            dir = Files.createTempDirectory("crumb-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + dir, "--lang=" + profile.language(),
                "--window-size=" + profile.width() + "," + profile.height());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", profile.language());
        if (profile.blockCookies()) {
            prefs.put("profile.default_content_setting_values.cookies", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        // The browser console, so tests can see content-security-policy refusals.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream()) // its log only repeats what a failure says
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return new Session(driver, dir);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(dir);
            throw e;
        }
    }

    /**
     * Clicks a button that submits a form (or a link) and waits until the next page has replaced this one, so that
     * the test's next step never races the navigation.
     */
    public static void submit(WebDriver driver, WebElement button) {
        button.click();
        // Gone from the page once the next one loads. While Chromium swaps documents it may answer "node does
        // not belong to the document" instead of a stale-element error: that means gone as well.
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // A leftover profile in the temp directory is harmless.
        }
    }
}
