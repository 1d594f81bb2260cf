package dev.crumb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM (what {@code systemd}, Docker and {@code catalina.sh stop} without a shutdown port send) to a
 * child JVM whose page views are all still buffered: every one is in the H2 file afterwards. Before the
 * fix, H2's own shutdown hook closed the database first (SQL state 90121) and all were lost.
 */
@DisplayName("SIGTERM writes every buffered page view before the database closes")
class SigtermTest {

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    private Process child;

    @AfterEach
    void killChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container-hook", "crumb-hook"})
    @DisplayName("five page views, SIGTERM, five rows")
    void sigtermWritesTheBuffer(String hooks) throws Exception {
        Path data = Files.createTempDirectory("crumb-sigterm");
        URI base = startChild(data, hooks);
        int views = 5;
        for (int i = 0; i < views; i++) {
            assertThat(new Browser(base).header("User-Agent", UA).get("/products/" + i).statusCode()).isEqualTo(200);
        }
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child stopped").isTrue();

        try (CrumbStore reopened = CrumbStores.h2(data)) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            AnalyticsSummary summary = reopened.analytics().summary(today.minusDays(1), today.plusDays(1));
            assertThat(summary.pageviews() + summary.anonymousPageviews()).isEqualTo(views);
        }
    }

    private URI startChild(Path data, String hooks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SigtermServerMain.class.getName(), data.toString(), hooks).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                int port = Integer.parseInt(line.substring(6).trim());
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "sigterm-child-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create("http://127.0.0.1:" + port);
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child server did not start:\n" + seen);
    }
}
