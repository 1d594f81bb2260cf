package dev.crumb.internal.visitor;

import dev.crumb.internal.crypto.VisitorHasher;
import dev.crumb.store.SecurityRecords;

/**
 * Makes sure every server on one store hashes with the same key, the way Flyway refuses a changed
 * migration: the first server keeps the fingerprint of its hash key in the store; a server whose key
 * gives another fingerprint refuses to start. Two keys would split every visitor, consent record and
 * email address in two, silently.
 */
public final class HashKeyAgreement {

    /** The row to delete to start over with a new key on purpose. */
    static final String RESET = "DELETE FROM crumb_security WHERE name = 'hash-key-fingerprint'";

    private HashKeyAgreement() {
    }

    /**
     * Keeps the fingerprint on first use, else compares.
     *
     * @param configured whether the key was configured ({@code hash-key}), rather than derived from the
     *                   first cookie key
     * @throws IllegalStateException when the store was first used with another key, saying what to set
     */
    public static void check(SecurityRecords records, VisitorHasher hasher, boolean configured) {
        String mine = hasher.keyFingerprint();
        String kept = records.hashKeyFingerprint(mine);
        if (mine.equals(kept)) {
            return;
        }
        String source = configured
                ? "This server's hash-key (CRUMB_HASH_KEY) is not the one"
                : "This server has no hash-key (CRUMB_HASH_KEY), so it derived one from its first cookie key, and that is"
                        + " not the one";
        throw new IllegalStateException(source + " this store was first used with (the fingerprint kept in table"
                + " crumb_security differs): its visitors, consent records and email addresses would not match"
                + " theirs, and every visitor would be counted twice. Set CRUMB_HASH_KEY (init-param hash-key, or"
                + " CrumbConfig.builder().hashKey(...)) to the same value as the store's other servers. To start over"
                + " with a new key on purpose — earlier statistics and consent proof then no longer match any visitor"
                + " — run: " + RESET);
    }
}
