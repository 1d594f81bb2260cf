package dev.crumb.store;

/**
 * Durable storage for everything Crumb keeps on the server. One instance is shared by every request
 * and, with a shared database, by every server of a site. Implementations are thread-safe.
 */
public interface CrumbStore extends AutoCloseable {

    /** The append-only log of consent decisions, the site's proof of consent. */
    ConsentLog consentLog();

    /** Marketing email opt-ins and the suppression list. */
    EmailRegistry emails();

    /** Where the background writer puts page views. */
    EventSink events();

    /** Aggregated numbers for analysts. */
    AnalyticsReader analytics();

    /** Values all servers must agree on: the hash key's fingerprint and the analyst's last sign-out. */
    SecurityRecords security();
    /** The per-visitor analytics rows: what is held under a visitor key, erasure and retention. */
    VisitorRecords visitorRecords();

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
