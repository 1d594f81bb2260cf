package dev.crumb.demo.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility rule engine, from the npm package that {@code .ci/run} installs with
 * {@code npm ci} into {@code jetty-demo/src/test/axe/node_modules}. Injected through WebDriver (which no
 * content security policy blocks) and run with the WCAG 2.0/2.1/2.2 A and AA rules only.
 *
 * <p>Without the package the tests are skipped with the command that installs it, unless
 * {@code CRUMB_TEST_REQUIRE_CHROMIUM=true} or {@code CI=true}: then they fail.
 */
final class AxeCore {

    /** The WCAG levels checked: every A and AA rule of WCAG 2.0, 2.1 and 2.2. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Path SCRIPT = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");

    private final String source;

    private AxeCore(String source) {
        this.source = source;
    }

    /** Loads axe-core, or skips (fails on CI) when it is not installed. */
    static AxeCore load() {
        Path script = SCRIPT.toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            String message = "the accessibility test needs axe-core at " + script
                    + ": run `npm ci` in jetty-demo/src/test/axe (as .ci/run does)";
            if (Chromium.required(System.getenv())) {
                fail(message + "; failing because CRUMB_TEST_REQUIRE_CHROMIUM or CI is true");
            }
            Assumptions.abort(message + "; skipped");
        }
        try {
            return new AxeCore(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the WCAG A/AA rules on the current page and returns the violations, one line each:
     * rule, impact, and the first offending elements.
     */
    @SuppressWarnings("unchecked")
    List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => r.passes.length + r.violations.length === 0 ? done(['axe checked nothing'])
                      : done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')
                          .replace(/\\s+/g, ' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));
                """, TAGS);
        return (List<String>) result;
    }

    /** Whether the page is wider than the window (a horizontal scroll bar), with the widths. */
    static Map<String, Object> widths(WebDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "return {page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth};");
        return w;
    }
}
