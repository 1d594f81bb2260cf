package dev.crumb.internal;

import dev.crumb.internal.crypto.VisitorHasher;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys Crumb derives from the configured ones: the key of the keyed hashes of visitor IDs (the
 * configured hash key, or else one derived from the first cookie key, with a warning), and from it the
 * key that signs unsubscribe links. Each derived key has its own label, so none can stand in for another.
 */
final class KeyDerivation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyDerivation.class);

    private KeyDerivation() {
    }

    /** The key of the keyed hashes of visitor IDs kept in the consent log and analytics. */
    static byte[] visitorHashKey(EngineSettings.Cookie cookie) {
        if (cookie.hashKey() != null) {
            return Base64.getUrlDecoder().decode(cookie.hashKey());
        }
        LOG.warn("no hash key configured (hash-key / CRUMB_HASH_KEY): deriving it from the first cookie key. "
                + "Set a stable hash key before rotating cookie keys, or analytics and consent history will "
                + "see every visitor as new after the rotation");
        return VisitorHasher.derive(cookie.keys().current().key().getEncoded(), "crumb-hash-v1");
    }

    /** The key that signs unsubscribe links, derived from the visitor hash key. */
    static byte[] unsubscribeKey(byte[] visitorHashKey) {
        return VisitorHasher.derive(visitorHashKey, "crumb-unsubscribe-v1");
    }
}
