package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The analyst login")
class AnalystLoginTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("without CRUMB_ANALYST_PASSWORD, generates a password once, shows it once and keeps only its hash")
    void generatesOnce() throws Exception {
        AnalystLogin first = AnalystLogin.load(Map.of(), dataDir, RANDOM);
        String password = first.passwordToShowOnce().orElseThrow();
        AnalystLogin second = AnalystLogin.load(Map.of(), dataDir, RANDOM);

        assertThat(password).hasSizeGreaterThanOrEqualTo(AnalystLogin.MIN_PASSWORD_LENGTH);
        assertThat(Files.readString(dataDir.resolve(AnalystLogin.FILE_NAME))).doesNotContain(password)
                .startsWith("pbkdf2-sha256$");
        assertThat(second.source()).isEqualTo(AnalystLogin.Source.STORED_HASH);
        assertThat(second.passwordToShowOnce()).isEmpty();
        assertThat(second.hash()).isEqualTo(first.hash());
        assertThat(CrumbConfig.builder().keys(TestKeys.key(1)).store(CrumbStores.inMemory())
                .analystPasswordHash(second.hash()).build().analytics().enabled()).isTrue();
    }

    @Test
    @DisplayName("the hash file is readable by its owner only")
    void hashFileIsPrivate() throws Exception {
        assumeThat(dataDir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        AnalystLogin.load(Map.of(), dataDir, RANDOM);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(AnalystLogin.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    @DisplayName("takes the password from CRUMB_ANALYST_PASSWORD and writes nothing")
    void fromEnvironment() {
        AnalystLogin login = AnalystLogin.load(Map.of(AnalystLogin.ENV, "a long enough password"), dataDir, RANDOM);

        assertThat(login.source()).isEqualTo(AnalystLogin.Source.ENVIRONMENT);
        assertThat(login.hash()).startsWith("pbkdf2-sha256$").doesNotContain("a long enough password");
        assertThat(login.passwordToShowOnce()).isEmpty();
        assertThat(dataDir.resolve(AnalystLogin.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("refuses a short CRUMB_ANALYST_PASSWORD with a message that says what to do")
    void shortPassword() {
        assertThatThrownBy(() -> AnalystLogin.load(Map.of(AnalystLogin.ENV, "secret"), dataDir, RANDOM))
                .isInstanceOf(DemoConfigException.class)
                .hasMessage("CRUMB_ANALYST_PASSWORD is 6 characters; use at least 12, or unset it and the demo "
                        + "generates a password");
    }
}
