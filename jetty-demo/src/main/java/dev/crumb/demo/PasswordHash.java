package dev.crumb.demo;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of a password, from the JDK alone. Stored as one line,
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} with base64url salt and hash, so the iteration count
 * can be raised later while old hashes still verify.
 */
public final class PasswordHash {

    /** Iterations for new hashes, as OWASP recommends for PBKDF2-HMAC-SHA256 (2023). */
    public static final int ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MIN_ITERATIONS = 210_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh salt from {@code random}. */
    public static PasswordHash of(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /**
     * Reads a hash written by {@link #encoded()}.
     *
     * @throws IllegalArgumentException when {@code encoded} is not such a hash, or uses fewer than
     *                                  210,000 iterations
     */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.strip().split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a " + SCHEME + " password hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < MIN_ITERATIONS) {
                throw new IllegalArgumentException("password hash uses " + iterations + " iterations; at least "
                        + MIN_ITERATIONS + " are needed");
            }
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return new PasswordHash(iterations, decoder.decode(parts[2]), decoder.decode(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a " + SCHEME + " password hash", e);
        }
    }

    /** Whether {@code password} is the password this hash was made from. Takes the same time either way. */
    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The one-line form to store. */
    public String encoded() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks PBKDF2WithHmacSHA256, which every JDK 17 has", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
