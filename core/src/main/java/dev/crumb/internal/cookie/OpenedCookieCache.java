package dev.crumb.internal.cookie;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Remembers recently opened cookie values, so a returning visitor's cookie — sent unchanged on every
 * request until it is re-sealed — is decrypted and verified once per server rather than on every request.
 * Only values that opened are kept (keyed by the exact value), so the cache can never make an invalid
 * cookie valid; garbage values are not cached, so a flood of them cannot evict real visitors. Bounded in
 * size and age with Caffeine. The key ring is fixed for the life of the filter, so an entry can
 * never outlive the key that opened it.
 */
public final class OpenedCookieCache implements CookieOpener {

    /**
     * Characters at the end of a value that its key is hashed from: the authentication tag (16 bytes, 22
     * characters) that ends every canonical cookie, with two to spare.
     */
    static final int HASHED_TAIL = 24;

    private final CookieOpener codec;
    private final Cache<Key, CookieCodec.Opened> opened;

    /**
     * @param codec       what opens values the cache does not hold
     * @param maxCharacters the bound, in characters of cached cookie values (0 turns the cache off); a
     *                    typical cookie is about 300 characters, one full of saved form data about 4000
     * @param lifetime    how long an entry is kept after its value was opened, used or not. Not measured
     *                    from the last use: recording each use cost a returning visitor's request more than
     *                    the lookup itself (docs/performance.md, round 12), and an active visitor's cookie
     *                    changes every refresh interval (a minute by default) anyway
     */
    public OpenedCookieCache(CookieOpener codec, long maxCharacters, Duration lifetime) {
        this.codec = codec;
        this.opened = Caffeine.newBuilder()
                .maximumWeight(maxCharacters)
                .<Key, CookieCodec.Opened>weigher((key, opened) -> key.value.length())
                .expireAfterWrite(lifetime)
                .build();
    }

    @Override
    public Optional<CookieCodec.Opened> open(String value) {
        if (value == null || value.length() > CookieCodec.MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        // A hit is a value equal to one that opened, so it is canonical: the shape is checked on a miss only.
        Key key = new Key(value);
        CookieCodec.Opened hit = opened.getIfPresent(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        // Only the canonical form of a cookie is kept: other spellings of the same bytes (padding, a filled
        // key part, altered unused bits) are neither decrypted nor cached (issue 17 #5).
        if (!codec.mayOpen(value)) {
            return Optional.empty();
        }
        Optional<CookieCodec.Opened> fresh = codec.open(value);
        fresh.ifPresent(o -> opened.put(key, o));
        return fresh;
    }

    /**
     * A cookie value as a cache key: compared whole, but hashed from its last {@value #HASHED_TAIL}
     * characters only. A canonical value ends with its AES-GCM tag, 128 bits that differ for every seal (a
     * fresh IV each time), so the tail spreads the keys as well as the whole value would, at a tenth of the
     * hashing: {@code String.hashCode} of a 300-character cookie was a third of a returning visitor's
     * lookup (docs/performance.md, round 12). Values that share a tail but differ elsewhere are different
     * keys; only values that opened are ever stored, so nobody without a key can fill the cache with them.
     */
    static final class Key {
        final String value;
        private final int hash;

        Key(String value) {
            this.value = value;
            int h = 0;
            for (int i = Math.max(0, value.length() - HASHED_TAIL); i < value.length(); i++) {
                h = 31 * h + value.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && value.equals(k.value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** How many opened values are remembered now (for tests and metrics). */
    public long size() {
        opened.cleanUp();
        return opened.estimatedSize();
    }
}
