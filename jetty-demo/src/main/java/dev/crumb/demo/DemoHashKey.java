package dev.crumb.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The key of the keyed hashes Crumb keeps in its store instead of visitor IDs and email addresses. It
 * comes from {@code CRUMB_HASH_KEY} (one base64url key of 32 bytes); without it the demo generates one on
 * first start and keeps it in {@code <data>/crumb-hash-key}, readable by its owner only. Unlike the
 * cookie keys it must never rotate: a new hash key makes every returning visitor look new and detaches
 * every recorded email choice.
 */
public final class DemoHashKey {

    /** The environment variable holding the key. */
    public static final String ENV = "CRUMB_HASH_KEY";

    /** The file in the data directory holding the generated key. */
    public static final String FILE_NAME = "crumb-hash-key";

    private final String key;
    private final DemoKeys.Source source;

    private DemoHashKey(String key, DemoKeys.Source source) {
        this.key = key;
        this.source = source;
    }

    /**
     * Loads the key from {@code env}, else from the key file in {@code dataDir}, else generates one with
     * {@code random} and writes the key file.
     *
     * @throws DemoConfigException when the key is malformed, more than one key is given, or the key file
     *                             cannot be read or written
     */
    public static DemoHashKey load(Map<String, String> env, Path dataDir, SecureRandom random) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            return new DemoHashKey(single(fromEnv, ENV), DemoKeys.Source.ENVIRONMENT);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                String key = DemoKeys.newKey(random);
                if (SecretFiles.createOwnerOnly(file, key + System.lineSeparator())) {
                    return new DemoHashKey(key, DemoKeys.Source.NEW_KEY_FILE);
                }
            }
            return new DemoHashKey(single(Files.readString(file, StandardCharsets.UTF_8), file.toString()),
                    DemoKeys.Source.KEY_FILE);
        } catch (IOException e) {
            throw new DemoConfigException("cannot read or create the hash key file " + file + " (" + e.getMessage()
                    + "); check the permissions of the data directory, or set " + ENV, e);
        }
    }

    private static String single(String text, String origin) {
        if (DemoKeys.parse(text, origin).size() != 1) {
            throw new DemoConfigException(origin + " holds more than one key; the hash key is one key that never "
                    + "rotates");
        }
        return text.strip();
    }

    /** The key as base64url, for {@code CrumbConfig.Builder.hashKey}. */
    public String base64Url() {
        return key;
    }

    /** Where the key came from. */
    public DemoKeys.Source source() {
        return source;
    }

    /** Says where the key came from, never the key. */
    @Override
    public String toString() {
        return "DemoHashKey[from " + source + "]";
    }
}
