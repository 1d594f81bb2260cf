package dev.crumb.internal.webxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A WAR without an SLF4J provider is told so once")
class LoggingCheckTest {

    @Test
    @DisplayName("with a provider bound (these tests have one) nothing is written")
    void quietWithProvider() {
        List<String> containerLog = new ArrayList<>();
        LoggingCheck.warnIfSilent(containerLog::add);
        assertThat(containerLog).isEmpty();
    }

    @Test
    @DisplayName("with slf4j-api alone, one warning goes to standard error and the container's log")
    void warnsWithoutProvider() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("slf4j-api") || entry.endsWith("classes"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", classPath, Main.class.getName()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(out).contains("CONTAINER LOG: Crumb: no SLF4J provider found")
                .contains("org.slf4j:slf4j-simple");
        assertThat(out.split("Crumb: no SLF4J provider", -1)).as("once on stderr, once in the container log").hasSize(3);
    }

    /** Runs the check twice, as two filters of one application would. */
    public static final class Main {
        public static void main(String[] args) {
            LoggingCheck.warnIfSilent(line -> System.out.println("CONTAINER LOG: " + line));
            LoggingCheck.warnIfSilent(line -> System.out.println("CONTAINER LOG: " + line));
        }
    }
}
