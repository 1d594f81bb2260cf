package dev.crumb;

import dev.crumb.internal.analytics.PasswordHash;
import java.io.Console;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Makes the hash for {@link CrumbConfig.Builder#analystPasswordHash}: the analyst password is never
 * configured in clear text. The format is {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2 with
 * HMAC-SHA-256, 210 000 iterations, a 16-byte random salt, base64); see {@code docs/tracking.md}.
 *
 * <p>From a shell: {@code java -cp crumb-core.jar dev.crumb.AnalystPassword} asks for the password
 * without echoing it and prints the hash.
 */
public final class AnalystPassword {

    private AnalystPassword() {
    }

    /**
     * Hashes an analyst password with a fresh random salt. The array is cleared afterwards.
     *
     * @param password 12 to 1024 characters
     * @return the text to configure as {@code analyst-password-hash}
     * @throws IllegalArgumentException when the password is shorter than 12 characters
     */
    public static String hash(char[] password) {
        try {
            return PasswordHash.create(password, new SecureRandom()).format();
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Asks for a password on the console and prints its hash. */
    public static void main(String[] args) {
        Console console = System.console();
        if (console == null) {
            System.err.println("run this in a terminal: it reads the password without echoing it");
            System.exit(2);
            return;
        }
        char[] first = console.readPassword("Analyst password (12 characters or more): ");
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) {
            System.err.println("the two entries differ; nothing was hashed");
            System.exit(1);
            return;
        }
        Arrays.fill(again, '\0');
        System.out.println(hash(first));
    }
}
