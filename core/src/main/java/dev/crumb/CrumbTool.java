package dev.crumb;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The command line of {@code crumb-core.jar}, which runs with the JDK alone (no other jar on the class
 * path): {@code java -jar crumb-core.jar new-key} prints a fresh 32-byte base64url key for
 * {@code CRUMB_KEYS} or {@code CRUMB_HASH_KEY}; {@code analyst-password} asks for a password and prints
 * the hash for {@code CRUMB_ANALYST_PASSWORD_HASH}.
 */
public final class CrumbTool {

    private CrumbTool() {
    }

    /** Runs one command; prints the usage and exits with 2 for anything else. */
    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "new-key" -> System.out.println(newKey(new SecureRandom()));
            case "analyst-password" -> AnalystPassword.main(new String[0]);
            default -> {
                usage(System.err);
                System.exit(2);
            }
        }
    }

    /** 32 random bytes as unpadded base64url: one key for {@code CRUMB_KEYS} or {@code CRUMB_HASH_KEY}. */
    static String newKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar crumb-core.jar new-key            a fresh key for CRUMB_KEYS / CRUMB_HASH_KEY");
        out.println("       java -jar crumb-core.jar analyst-password   the hash for CRUMB_ANALYST_PASSWORD_HASH");
    }
}
