package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The hash key")
class DemoHashKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("is generated once into the data directory and read back on every later start")
    void generatedOnce() throws Exception {
        DemoHashKey first = DemoHashKey.load(Map.of(), dataDir, RANDOM);
        DemoHashKey second = DemoHashKey.load(Map.of(), dataDir, RANDOM);

        assertThat(first.source()).isEqualTo(DemoKeys.Source.NEW_KEY_FILE);
        assertThat(second.source()).isEqualTo(DemoKeys.Source.KEY_FILE);
        assertThat(second.base64Url()).isEqualTo(first.base64Url()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(dataDir.resolve(DemoHashKey.FILE_NAME)).strip()).isEqualTo(first.base64Url());
        assertThat(first.toString()).doesNotContain(first.base64Url());
    }

    @Test
    @DisplayName("CRUMB_HASH_KEY wins over the file and writes nothing")
    void fromEnvironment() {
        String key = DemoKeys.newKey(RANDOM);

        DemoHashKey hashKey = DemoHashKey.load(Map.of(DemoHashKey.ENV, key), dataDir, RANDOM);

        assertThat(hashKey.base64Url()).isEqualTo(key);
        assertThat(hashKey.source()).isEqualTo(DemoKeys.Source.ENVIRONMENT);
        assertThat(dataDir.resolve(DemoHashKey.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("refuses a malformed key or more than one, naming the variable")
    void refusesBadKeys() {
        assertThatThrownBy(() -> DemoHashKey.load(Map.of(DemoHashKey.ENV, "short"), dataDir, RANDOM))
                .isInstanceOf(DemoConfigException.class).hasMessageStartingWith("CRUMB_HASH_KEY entry 1 is");
        String two = DemoKeys.newKey(RANDOM) + "," + DemoKeys.newKey(RANDOM);
        assertThatThrownBy(() -> DemoHashKey.load(Map.of(DemoHashKey.ENV, two), dataDir, RANDOM))
                .isInstanceOf(DemoConfigException.class).hasMessageContaining("more than one key");
    }
}
