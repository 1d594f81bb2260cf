package dev.crumb.example.webapp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Eclipse Jetty 12 from {@code jetty-home}: a {@code jetty.base} with the {@code http} and
 * {@code ee10-deploy} modules, started with {@code java -jar start.jar} (one JVM, which stops its
 * contexts on SIGTERM).
 */
final class JettyContainer extends Container {

    private final Path home = distribution("crumb.example.jetty");

    JettyContainer() throws IOException, InterruptedException {
        super("jetty");
        Process setup = new ProcessBuilder(java(), "-jar", home.resolve("start.jar").toString(),
                "--add-modules=http,ee10-deploy").directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(base.resolve("setup.out").toFile()).start();
        if (!setup.waitFor(120, TimeUnit.SECONDS) || setup.exitValue() != 0) {
            throw new IllegalStateException("jetty.base set-up failed; see " + base.resolve("setup.out"));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    String name() {
        return "Jetty " + home.getFileName();
    }

    @Override
    List<String> command() {
        return List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", home.resolve("start.jar").toString(),
                "jetty.http.port=" + port, "jetty.http.host=127.0.0.1", "jetty.deploy.scanInterval=1");
    }

    @Override
    Map<String, String> environment() {
        return Map.of();
    }
}
