package dev.crumb.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;

/**
 * Everything secret the demo hands Crumb: the cookie keys, the hash key and the analyst password hash.
 * Each comes from its environment variable or, without it, from a file the demo generated in the data
 * directory on first start.
 */
public record DemoSecrets(DemoKeys keys, DemoHashKey hashKey, AnalystLogin analyst) {

    public DemoSecrets {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(hashKey, "hashKey");
        Objects.requireNonNull(analyst, "analyst");
    }

    /**
     * Loads (or generates) all three.
     *
     * @throws DemoConfigException naming the setting or file that cannot be used
     */
    public static DemoSecrets load(Map<String, String> env, Path dataDir, SecureRandom random) {
        return new DemoSecrets(DemoKeys.load(env, dataDir, random), DemoHashKey.load(env, dataDir, random),
                AnalystLogin.load(env, dataDir, random));
    }
}
