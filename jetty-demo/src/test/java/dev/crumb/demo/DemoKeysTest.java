package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The cookie keys")
class DemoKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDir;

    private static String keyOf(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    @Test
    @DisplayName("--new-key makes 32 random bytes in base64url without padding")
    void newKey() {
        String key = DemoKeys.newKey(RANDOM);

        assertThat(key).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
        assertThat(DemoKeys.newKey(RANDOM)).isNotEqualTo(key);
    }

    @Test
    @DisplayName("reads comma-separated keys from CRUMB_KEYS; the first encrypts, all decrypt")
    void fromEnvironment() {
        String first = keyOf(32);
        String second = keyOf(32);

        DemoKeys keys = DemoKeys.load(Map.of(DemoKeys.ENV, first + ", " + second), dataDir, RANDOM);

        assertThat(keys.source()).isEqualTo(DemoKeys.Source.ENVIRONMENT);
        assertThat(keys.encryptionKey()).isEqualTo(Base64.getUrlDecoder().decode(first));
        assertThat(keys.decryptionKeys()).hasSize(2);
        assertThat(keys.decryptionKeys().get(1)).isEqualTo(Base64.getUrlDecoder().decode(second));
        assertThat(dataDir.resolve(DemoKeys.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("a 24-byte key is refused with a message that names the entry and how to make a good one")
    void shortKey() {
        Map<String, String> env = Map.of(DemoKeys.ENV, keyOf(32) + "," + keyOf(24));

        assertThatThrownBy(() -> DemoKeys.load(env, dataDir, RANDOM))
                .isInstanceOf(DemoConfigException.class)
                .hasMessage("CRUMB_KEYS entry 2 is 24 bytes; keys must be 32 bytes of base64url — generate one "
                        + "with `java -jar crumb-jetty-demo.jar --new-key`");
    }

    @Test
    @DisplayName("a key in standard base64 with + or / is refused as not base64url")
    void notBase64Url() {
        Map<String, String> env = Map.of(DemoKeys.ENV, "ab+/" + keyOf(30));

        assertThatThrownBy(() -> DemoKeys.load(env, dataDir, RANDOM))
                .isInstanceOf(DemoConfigException.class)
                .hasMessageStartingWith("CRUMB_KEYS entry 1 is not base64url; keys must be 32 bytes");
    }

    @Test
    @DisplayName("an empty entry or an empty CRUMB_KEYS is refused")
    void emptyEntries() {
        assertThatThrownBy(() -> DemoKeys.load(Map.of(DemoKeys.ENV, keyOf(32) + ",,"), dataDir, RANDOM))
                .hasMessageStartingWith("CRUMB_KEYS entry 2 is empty;");
        assertThatThrownBy(() -> DemoKeys.load(Map.of(DemoKeys.ENV, " "), dataDir, RANDOM))
                .hasMessageStartingWith("CRUMB_KEYS is empty;");
    }

    @Test
    @DisplayName("without CRUMB_KEYS, generates a key once and reads the same key on the next start")
    void keyFileSurvivesRestart() {
        DemoKeys first = DemoKeys.load(Map.of(), dataDir, RANDOM);
        DemoKeys second = DemoKeys.load(Map.of(), dataDir, RANDOM);

        assertThat(first.source()).isEqualTo(DemoKeys.Source.NEW_KEY_FILE);
        assertThat(second.source()).isEqualTo(DemoKeys.Source.KEY_FILE);
        assertThat(second.encryptionKey()).isEqualTo(first.encryptionKey());
    }

    @Test
    @DisplayName("the generated key file is readable by its owner only")
    void keyFileIsPrivate() throws Exception {
        assumeThat(dataDir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        DemoKeys.load(Map.of(), dataDir, RANDOM);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(DemoKeys.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    @DisplayName("a damaged key file is refused with its path in the message")
    void damagedKeyFile() throws Exception {
        Path file = dataDir.resolve(DemoKeys.FILE_NAME);
        Files.writeString(file, keyOf(16));

        assertThatThrownBy(() -> DemoKeys.load(Map.of(), dataDir, RANDOM))
                .isInstanceOf(DemoConfigException.class)
                .hasMessageStartingWith(file + " entry 1 is 16 bytes;");
    }

    @Test
    @DisplayName("never shows a key in toString")
    void toStringHidesKeys() {
        String key = keyOf(32);

        assertThat(DemoKeys.load(Map.of(DemoKeys.ENV, key), dataDir, RANDOM).toString()).doesNotContain(key);
    }
}
