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
 * size and idle time with Caffeine. The key ring is fixed for the life of the filter, so an entry can
 * never outlive the key that opened it.
 */
public final class OpenedCookieCache implements CookieOpener {

    private final CookieOpener codec;
    private final Cache<String, CookieCodec.Opened> opened;

    /**
     * @param codec       what opens values the cache does not hold
     * @param maxCharacters the bound, in characters of cached cookie values (0 turns the cache off); a
     *                    typical cookie is about 300 characters, one full of saved form data about 4000
     * @param idle        how long an unused entry is kept
     */
    public OpenedCookieCache(CookieOpener codec, long maxCharacters, Duration idle) {
        this.codec = codec;
        this.opened = Caffeine.newBuilder()
                .maximumWeight(maxCharacters)
                .<String, CookieCodec.Opened>weigher((value, opened) -> value.length())
                .expireAfterAccess(idle)
                .build();
    }

    @Override
    public Optional<CookieCodec.Opened> open(String value) {
        // Only the canonical form of a cookie is looked up or kept: other spellings of the same bytes
        // (padding, a filled key part, altered unused bits) never reach the cache (issue 17 #5).
        if (value == null || value.length() > CookieCodec.MAX_VALUE_LENGTH || !codec.mayOpen(value)) {
            return Optional.empty();
        }
        CookieCodec.Opened hit = opened.getIfPresent(value);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<CookieCodec.Opened> fresh = codec.open(value);
        fresh.ifPresent(o -> opened.put(value, o));
        return fresh;
    }

    /** How many opened values are remembered now (for tests and metrics). */
    public long size() {
        opened.cleanUp();
        return opened.estimatedSize();
    }
}
