package dev.crumb.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.CrumbTool;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crumb-core's module descriptor")
class ModuleDescriptorTest {

    /** The libraries crumb-core requires unconditionally, as jars on the test class path. */
    private static final List<String> REQUIRED_JARS = List.of("jakarta.servlet-api-", "slf4j-api-", "caffeine-",
            "jackson-databind-", "jackson-core-", "jackson-annotations-");

    @Test
    @DisplayName("exports only dev.crumb and dev.crumb.store, unqualified, and opens nothing")
    void exportsOnlyTheApi() throws Exception {
        ModuleDescriptor descriptor = descriptor();
        assertThat(descriptor.name()).isEqualTo("dev.crumb");
        assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source))
                .containsExactlyInAnyOrder("dev.crumb", "dev.crumb.store");
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.packages()).contains("dev.crumb.internal.cookie", "dev.crumb.internal.store");
    }

    @Test
    @DisplayName("resolves on the module path with only its required libraries, and runs there")
    void runsOnTheModulePath() throws Exception {
        Path classes = Path.of(CrumbTool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> modulePath = new ArrayList<>();
        modulePath.add(classes.toString());
        modulePath.addAll(requiredJars());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--module-path", String.join(File.pathSeparator, modulePath),
                "--module", "dev.crumb/dev.crumb.CrumbTool", "new-key").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Base64.getUrlDecoder().decode(out)).hasSize(32);
    }

    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(CrumbTool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("module-info.class")).exists();
        // The finder scans the directory, so the descriptor also lists every package the module holds.
        return ModuleFinder.of(classes).find("dev.crumb").orElseThrow().descriptor();
    }

    private static List<String> requiredJars() {
        List<String> jars;
        try (Stream<String> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))) {
            jars = entries.filter(e -> REQUIRED_JARS.stream().anyMatch(prefix -> Path.of(e).getFileName().toString()
                    .startsWith(prefix))).collect(Collectors.toList());
        }
        // The servlet API is kept off the test class path (surefire: the containers bring their own); take it
        // from the local repository by the version the build compiled against.
        if (jars.stream().noneMatch(j -> j.contains("jakarta.servlet-api-"))) {
            jars.add(servletApiJar().toString());
        }
        return jars;
    }

    private static Path servletApiJar() {
        String jar = System.getProperty("crumb.servlet-api.jar", "");
        assertThat(jar).as("system property crumb.servlet-api.jar (set by core/pom.xml)").isNotBlank();
        return Path.of(jar);
    }
}
