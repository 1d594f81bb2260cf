package dev.crumb.store;

import java.time.Instant;

/**
 * The few values every server of a site must agree on for security: the fingerprint of the hash key (so
 * a server with another key refuses to start instead of silently counting every visitor twice) and when
 * the analyst last signed out (so a sign-out ends the session on every server). With a shared database
 * they are shared; implementations are thread-safe and their writes are atomic across servers.
 */
public interface SecurityRecords {

    /**
     * Keeps {@code fingerprint} as the hash key's fingerprint unless one is kept already, atomically, and
     * returns the one kept: the given one on first use, else the earlier one.
     */
    String hashKeyFingerprint(String fingerprint);

    /** When analyst sessions were last ended; {@link Instant#EPOCH} when never. */
    Instant analystSessionsEndedAt();

    /** Ends every analyst session that began at or before {@code at}; an earlier time than the kept one changes nothing. */
    void endAnalystSessions(Instant at);
}
