package dev.crumb.demo;

import dev.crumb.CrumbConfigException;
import dev.crumb.CrumbKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The keys that protect Crumb's cookie. They come from {@code CRUMB_KEYS} (comma-separated base64url,
 * 32 bytes each; the first encrypts, all decrypt, so a new key can be put first while old cookies stay
 * readable). Without it, the demo generates one key on first start and keeps it in
 * {@code <data>/crumb-keys}, readable by its owner only, so a restart keeps visitors.
 */
public final class DemoKeys {

    /** The environment variable holding the keys. */
    public static final String ENV = "CRUMB_KEYS";

    /** The file in the data directory holding the generated key. */
    public static final String FILE_NAME = "crumb-keys";

    /** The length of every key in bytes. */
    public static final int KEY_BYTES = 32;

    /** Where the keys came from. */
    public enum Source {
        /** The {@code CRUMB_KEYS} environment variable. */
        ENVIRONMENT,
        /** The key file written on an earlier start. */
        KEY_FILE,
        /** A key generated on this start and written to the key file. */
        NEW_KEY_FILE
    }

    private final List<byte[]> keys;
    private final Source source;

    private DemoKeys(List<byte[]> keys, Source source) {
        this.keys = keys.stream().map(byte[]::clone).toList();
        this.source = source;
    }

    /**
     * Loads the keys from {@code env}, else from the key file in {@code dataDir}, else generates one with
     * {@code random} and writes the key file.
     *
     * @throws DemoConfigException naming the entry when a key is malformed, or when the key file cannot be
     *                             read or written
     */
    public static DemoKeys load(Map<String, String> env, Path dataDir, SecureRandom random) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            return new DemoKeys(parse(fromEnv, ENV), Source.ENVIRONMENT);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                String key = newKey(random);
                if (SecretFiles.createOwnerOnly(file, key + System.lineSeparator())) {
                    return new DemoKeys(parse(key, file.toString()), Source.NEW_KEY_FILE);
                }
            }
            return new DemoKeys(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()), Source.KEY_FILE);
        } catch (IOException e) {
            throw new DemoConfigException("cannot read or create the key file " + file + " (" + e.getMessage()
                    + "); check the permissions of the data directory, or set " + ENV, e);
        }
    }

    /**
     * Reads comma- or line-separated base64url keys with Crumb's own key parser, so the demo accepts
     * exactly the keys Crumb does.
     *
     * @param origin names where the text came from in error messages, e.g. {@code CRUMB_KEYS}
     * @throws DemoConfigException naming the entry that is empty, not base64url or not 32 bytes long
     */
    static List<byte[]> parse(String text, String origin) {
        try {
            return CrumbKeys.parse(text, origin).stream().map(Base64.getUrlDecoder()::decode).toList();
        } catch (CrumbConfigException e) {
            throw new DemoConfigException(e.getMessage(), e);
        }
    }

    /** A fresh random key in the form {@code CRUMB_KEYS} takes: 32 bytes, base64url without padding. */
    public static String newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** The key that encrypts new cookies. */
    public byte[] encryptionKey() {
        return keys.get(0).clone();
    }

    /** Every key that may decrypt a cookie, the encryption key first. */
    public List<byte[]> decryptionKeys() {
        return keys.stream().map(byte[]::clone).toList();
    }

    /** Every key as base64url without padding, the encryption key first, for {@code CrumbConfig.Builder.keys}. */
    public List<String> base64Url() {
        return keys.stream().map(key -> Base64.getUrlEncoder().withoutPadding().encodeToString(key)).toList();
    }

    /** Where the keys came from. */
    public Source source() {
        return source;
    }

    /** Says how many keys there are and where they came from, never the keys. */
    @Override
    public String toString() {
        return "DemoKeys[" + keys.size() + " key(s) from " + source + "]";
    }
}
