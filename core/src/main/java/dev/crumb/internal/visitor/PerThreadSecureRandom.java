package dev.crumb.internal.visitor;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that gives each thread its own DRBG (NIST SP 800-90A, seeded from the system's
 * entropy source when the thread first asks). The JDK's default on Linux, {@code NativePRNG}, makes every
 * caller of every instance wait on one global lock: under a load of new visitors (a visitor ID and a
 * cookie IV per request) the request threads spent more time blocked there than working. Crumb's default
 * source for visitor IDs and nonces; an application that sets its own through {@code CrumbConfig} gets
 * exactly that one.
 */
public final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    /** Null while the superclass constructor runs (it calls {@link #setSeed(long)}). */
    private final transient ThreadLocal<SecureRandom> perThread = ThreadLocal.withInitial(PerThreadSecureRandom::drbg);

    @Override
    public void nextBytes(byte[] bytes) {
        perThread.get().nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return perThread.get().generateSeed(numBytes);
    }

    @Override
    public void setSeed(byte[] seed) {
        // Adds to the calling thread's generator (never replaces its entropy), as SecureRandom.setSeed does.
        perThread.get().setSeed(seed);
    }

    @Override
    public void setSeed(long seed) {
        if (perThread != null) {
            perThread.get().setSeed(seed);
        }
    }

    @Override
    public String getAlgorithm() {
        return "DRBG (one per thread)";
    }

    @Override
    public String toString() {
        return "PerThreadSecureRandom[DRBG]";
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every Java 17 runtime has DRBG; should one not, a strong default is still better than failing a request.
            return new SecureRandom();
        }
    }
}
