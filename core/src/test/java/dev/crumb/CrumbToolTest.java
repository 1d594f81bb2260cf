package dev.crumb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("crumb-core.jar on the command line")
class CrumbToolTest {

    @Test
    @DisplayName("new-key prints a 32-byte base64url key that the configuration accepts")
    void newKey() {
        String key = CrumbTool.newKey(new SecureRandom());
        assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
        assertThat(CrumbConfig.builder().keys(key).build().settings().cookie().keys().all()).hasSize(1);
    }

    @Test
    @DisplayName("new-key runs with the JDK alone: nothing but Crumb's classes on the class path")
    void runsWithoutDependencies() throws Exception {
        Path classes = Path.of(CrumbTool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", classes.toString(), CrumbTool.class.getName(), "new-key")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Base64.getUrlDecoder().decode(out)).hasSize(32);
        assertThat(Files.isDirectory(classes) || Files.isRegularFile(classes)).isTrue();
    }
}
