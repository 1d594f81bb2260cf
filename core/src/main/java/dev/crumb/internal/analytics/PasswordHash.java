package dev.crumb.internal.analytics;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * An analyst password as kept in the configuration: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * with salt and hash in base64 (standard alphabet, padding optional), PBKDF2WithHmacSHA256 from the JDK,
 * at least {@value #MIN_ITERATIONS} iterations, a salt of at least 16 bytes and a hash of 32 bytes.
 * Verification takes the same time whether the password is right or wrong.
 *
 * @param iterations PBKDF2 iterations
 * @param salt       the random salt
 * @param hash       the derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /** The scheme name at the start of the text form. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** The fewest iterations accepted (OWASP's floor for PBKDF2 at the time of writing). */
    public static final int MIN_ITERATIONS = 210_000;
    /** Iterations used by {@link #create}. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int MAX_PASSWORD_CHARS = 1024;

    public PasswordHash {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("analyst-password-hash uses " + iterations + " iterations; it needs "
                    + MIN_ITERATIONS + " to " + MAX_ITERATIONS + " — make a new one with AnalystPassword.hash");
        }
        salt = Objects.requireNonNull(salt, "salt").clone();
        hash = Objects.requireNonNull(hash, "hash").clone();
        if (salt.length < SALT_BYTES || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("analyst-password-hash needs a salt of at least " + SALT_BYTES
                    + " bytes and a hash of " + HASH_BYTES + " bytes — make a new one with AnalystPassword.hash");
        }
    }

    /** Hashes a password with a fresh salt; the caller should clear the array afterwards. */
    public static PasswordHash create(char[] password, SecureRandom random) {
        checkLength(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(DEFAULT_ITERATIONS, salt, derive(password, salt, DEFAULT_ITERATIONS));
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing the value) and how to make one
     */
    public static PasswordHash parse(String text) {
        String how = " — the format is pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>; make one with "
                + "AnalystPassword.hash or `java -cp crumb-core.jar dev.crumb.AnalystPassword`";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("analyst-password-hash is empty" + how);
        }
        String[] parts = text.trim().split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("analyst-password-hash is not in the expected format" + how);
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("analyst-password-hash has no valid iteration count" + how);
        }
        try {
            return new PasswordHash(iterations, Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("analyst-password-hash")) {
                throw e;
            }
            throw new IllegalArgumentException("analyst-password-hash has a salt or hash that is not base64" + how);
        }
    }

    /** The text form for the configuration. */
    public String format() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether {@code password} matches, compared in constant time. Costs one full PBKDF2 run. */
    public boolean matches(char[] password) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD_CHARS) {
            // Still spend the time, so that the answer's timing does not tell what was refused.
            derive(new char[] {'x'}, salt, iterations);
            return false;
        }
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static void checkLength(char[] password) {
        if (password == null || password.length < 12 || password.length > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("an analyst password needs 12 to " + MAX_PASSWORD_CHARS
                    + " characters; choose a longer passphrase");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            KeySpec s = spec;
            return factory.generateSecret(s).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
