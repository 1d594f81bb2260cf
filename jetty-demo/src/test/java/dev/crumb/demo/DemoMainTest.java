package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Starting the demo from the command line")
class DemoMainTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private DemoMain.Launch launch(Map<String, String> env, String... args) {
        return DemoMain.launch(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new SecureRandom(), Clock.systemUTC());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--help prints every option and exits with 0")
    void help() {
        DemoMain.Launch launch = launch(Map.of(), "--help");

        assertThat(launch.exitStatus()).isZero();
        assertThat(launch.server()).isNull();
        assertThat(out()).contains("--port PORT").contains("--seed-demo-data");
    }

    @Test
    @DisplayName("--new-key prints one key and exits with 0")
    void newKey() {
        DemoMain.Launch launch = launch(Map.of(), "--new-key");

        assertThat(launch.exitStatus()).isZero();
        assertThat(out().strip()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    @DisplayName("a bad option prints one line, no stack trace, and exits with 2")
    void badOption() {
        DemoMain.Launch launch = launch(Map.of(), "--port", "http");

        assertThat(launch.exitStatus()).isEqualTo(2);
        assertThat(err()).isEqualTo("crumb-jetty-demo: --port must be a port number from 0 to 65535; was 'http'"
                + System.lineSeparator());
    }

    @Test
    @DisplayName("a bad CRUMB_KEYS prints one line and exits with 2")
    void badKeys() {
        DemoMain.Launch launch = launch(Map.of(DemoKeys.ENV, "too-short"), "--data", dataDir.toString());

        assertThat(launch.exitStatus()).isEqualTo(2);
        assertThat(err()).startsWith("crumb-jetty-demo: CRUMB_KEYS entry 1 is").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("starts on a free port, prints the address and the analyst password once")
    void starts() throws Exception {
        DemoMain.Launch launch = launch(Map.of(), "--port", "0", "--data", dataDir.toString(), "--seed-demo-data");
        try {
            assertThat(launch.server()).isNotNull();
            assertThat(launch.server().port()).isPositive();
            assertThat(out())
                    .contains("is running at http://localhost:" + launch.server().port() + "/")
                    .contains("Analytics dashboard: http://localhost:" + launch.server().port() + "/analytics (user analyst)")
                    .containsPattern("Analyst password: [A-Za-z0-9_-]{24}  <- shown only this once")
                    .contains("Made up ").contains("and stored them");
        } finally {
            launch.server().close();
        }
    }

    @Test
    @DisplayName("--seed-demo-data stores the made-up weeks once; a second start leaves them as they are")
    void seedsOnce() throws Exception {
        DemoMain.Launch first = launch(Map.of(), "--port", "0", "--data", dataDir.toString(), "--seed-demo-data");
        first.server().close();
        DemoMain.Launch second = launch(Map.of(), "--port", "0", "--data", dataDir.toString(), "--seed-demo-data");
        try {
            assertThat(out()).containsOnlyOnce("and stored them").contains("Not seeding: the store already counts");
        } finally {
            second.server().close();
        }
    }

    @Test
    @DisplayName("a damaged analyst password hash prints one line naming the file and exits with 2")
    void damagedHashFile() throws Exception {
        java.nio.file.Files.writeString(dataDir.resolve(AnalystLogin.FILE_NAME), "hunter2");

        DemoMain.Launch launch = launch(Map.of(), "--port", "0", "--data", dataDir.toString());

        assertThat(launch.exitStatus()).isEqualTo(2);
        assertThat(err()).contains(AnalystLogin.FILE_NAME).contains("delete it to have a new analyst password generated")
                .doesNotContain("\tat ");
    }

    @Test
    @DisplayName("a node whose hash key differs from the store's refuses to start, saying to set CRUMB_HASH_KEY (issue 17)")
    void otherHashKeyRefused() throws Exception {
        DemoMain.Launch first = launch(Map.of(), "--port", "0", "--data", dataDir.toString());
        first.server().close();
        String otherKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        DemoMain.Launch second = launch(Map.of(DemoHashKey.ENV, otherKey), "--port", "0", "--data", dataDir.toString());

        if (second.server() != null) {
            second.server().close();
        }
        assertThat(second.server()).isNull();
        assertThat(second.exitStatus()).isNotZero();
        assertThat(err()).contains("CRUMB_HASH_KEY").doesNotContain("\tat ");
    }
}
