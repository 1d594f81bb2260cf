package dev.crumb.demo;

import dev.crumb.AnalystPassword;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The password of the site's analyst, who may see the analytics dashboard. Crumb checks the login; the
 * demo only decides where the password comes from and hands Crumb its hash
 * ({@link AnalystPassword#hash}). The password comes from {@code CRUMB_ANALYST_PASSWORD}; without it the
 * demo generates one on first start, keeps only its hash in {@code <data>/analyst-password} and shows
 * the password once, on that start.
 */
public final class AnalystLogin {

    /** The user name of the analyst login, fixed by Crumb. */
    public static final String USER = "analyst";

    /** The environment variable holding the password. */
    public static final String ENV = "CRUMB_ANALYST_PASSWORD";

    /** The file in the data directory holding the hash of a generated password. */
    public static final String FILE_NAME = "analyst-password";

    /** The shortest password accepted from the environment, as Crumb requires. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final int GENERATED_PASSWORD_BYTES = 18;

    /** Where the password came from. */
    public enum Source {
        /** The {@code CRUMB_ANALYST_PASSWORD} environment variable. */
        ENVIRONMENT,
        /** A password generated on an earlier start, of which only the hash is kept. */
        STORED_HASH,
        /** A password generated on this start. */
        NEW_PASSWORD
    }

    private final String hash;
    private final Source source;
    private final String newPassword;
    private final Path hashFile;

    private AnalystLogin(String hash, Source source, String newPassword, Path hashFile) {
        this.hash = hash;
        this.source = source;
        this.newPassword = newPassword;
        this.hashFile = hashFile;
    }

    /**
     * Loads the login from {@code env}, else from the hash file in {@code dataDir}, else generates a
     * password with {@code random} and writes its hash.
     *
     * @throws DemoConfigException when the password in the environment is too short, or the hash file is
     *                             unreadable
     */
    public static AnalystLogin load(Map<String, String> env, Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(FILE_NAME);
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            if (fromEnv.length() < MIN_PASSWORD_LENGTH) {
                throw new DemoConfigException(ENV + " is " + fromEnv.length() + " characters; use at least "
                        + MIN_PASSWORD_LENGTH + ", or unset it and the demo generates a password");
            }
            return new AnalystLogin(AnalystPassword.hash(fromEnv.toCharArray()), Source.ENVIRONMENT, null, file);
        }
        try {
            if (!Files.exists(file)) {
                String password = newPassword(random);
                String hash = AnalystPassword.hash(password.toCharArray());
                if (SecretFiles.createOwnerOnly(file, hash + System.lineSeparator())) {
                    return new AnalystLogin(hash, Source.NEW_PASSWORD, password, file);
                }
            }
            return new AnalystLogin(Files.readString(file, StandardCharsets.UTF_8).strip(), Source.STORED_HASH, null,
                    file);
        } catch (IOException e) {
            throw new DemoConfigException("cannot read or create " + file + " (" + e.getMessage()
                    + "); check the permissions of the data directory, or set " + ENV, e);
        }
    }

    /**
     * The hash for {@code CrumbConfig.Builder.analystPasswordHash}. A damaged hash file is only noticed
     * when Crumb reads the hash; {@link DemoServer} turns that into a {@link DemoConfigException} naming
     * {@link #hashFile()}.
     */
    public String hash() {
        return hash;
    }

    /** The password generated on this start, to show once; empty on every later start. */
    public Optional<String> passwordToShowOnce() {
        return Optional.ofNullable(newPassword);
    }

    /** Where the password came from. */
    public Source source() {
        return source;
    }

    /** The file that holds the hash of a generated password. */
    public Path hashFile() {
        return hashFile;
    }

    /** Never shows the password or its hash. */
    @Override
    public String toString() {
        return "AnalystLogin[user=" + USER + ", from " + source + "]";
    }

    private static String newPassword(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
