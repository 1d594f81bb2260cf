package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The analyst login")
class AnalystLoginTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDir;

    @Nested
    @DisplayName("its password hash")
    class Hashing {

        @Test
        @DisplayName("accepts the password it was made from and nothing else")
        void verifies() {
            PasswordHash hash = PasswordHash.of("correct horse battery staple", RANDOM);

            assertThat(hash.matches("correct horse battery staple")).isTrue();
            assertThat(hash.matches("correct horse battery stapl")).isFalse();
        }

        @Test
        @DisplayName("is PBKDF2-HMAC-SHA256 with a random salt and 600,000 iterations, and reads back")
        void encodes() {
            PasswordHash hash = PasswordHash.of("correct horse battery staple", RANDOM);

            assertThat(hash.encoded()).startsWith("pbkdf2-sha256$600000$");
            assertThat(PasswordHash.of("correct horse battery staple", RANDOM).encoded()).isNotEqualTo(hash.encoded());
            assertThat(PasswordHash.parse(hash.encoded()).matches("correct horse battery staple")).isTrue();
            assertThat(hash.toString()).doesNotContain(hash.encoded().substring(21));
        }

        @Test
        @DisplayName("refuses a damaged encoding or too few iterations")
        void refusesWeakOrDamaged() {
            assertThatIllegalArgumentException().isThrownBy(() -> PasswordHash.parse("sha1$x"));
            assertThatIllegalArgumentException().isThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$AAAA$AAAA"))
                    .withMessageContaining("1000 iterations");
        }
    }

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
        assertThat(second.verify(password)).isTrue();
        assertThat(second.verify("wrong")).isFalse();
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
        assertThat(login.verify("a long enough password")).isTrue();
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

    @Test
    @DisplayName("a damaged hash file is refused with advice to delete it")
    void damagedHashFile() throws Exception {
        Files.writeString(dataDir.resolve(AnalystLogin.FILE_NAME), "hunter2");

        assertThatThrownBy(() -> AnalystLogin.load(Map.of(), dataDir, RANDOM))
                .isInstanceOf(DemoConfigException.class)
                .hasMessageContaining("delete it to have a new analyst password generated");
    }
}
