package dev.crumb.internal.http;

import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.crypto.HmacSha256;
import dev.crumb.internal.crypto.VisitorHasher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Stateless CSRF tokens bound to one visitor ID and valid for a limited time: the expiry and an HMAC
 * of (visitor ID, expiry) under a key derived from the cookie key ring. Any server with the same keys
 * checks them; a token of one visitor is worthless for another; a retired key retires its tokens.
 *
 * <p>A token also carries a second HMAC over the expiry alone, for browsers that block cookies: their
 * visitor ID changes with every request, so no token can be bound to it. That second proof counts only
 * when the request itself shows it comes from this site ({@code Sec-Fetch-Site: same-origin} or a
 * matching {@code Origin}) — a forged cross-site POST cannot show that, and it cannot carry the visitor's
 * SameSite=Lax cookie either.
 */
public final class CsrfTokens {

    private static final int MAC_BYTES = 16;
    private static final int TOKEN_BYTES = Long.BYTES + 2 * MAC_BYTES;
    /** The subject of the cookieless proof: no visitor ID is 11 characters long. */
    private static final String NO_COOKIE = "no-cookie";

    private final List<HmacSha256> keys;
    private final Clock clock;
    private final Duration lifetime;

    public CsrfTokens(CookieKeys ring, Clock clock, Duration lifetime) {
        this.keys = ring.all().stream()
                .map(k -> new HmacSha256(VisitorHasher.derive(k.key().getEncoded(), "crumb-csrf-v1"))).toList();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A fresh token for this visitor. */
    public String issue(String visitorId) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        ByteBuffer b = ByteBuffer.allocate(TOKEN_BYTES).putLong(expiry)
                .put(mac(keys.get(0), visitorId, expiry)).put(mac(keys.get(0), NO_COOKIE, expiry));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Whether the token was issued for this visitor by a key of the ring and has not expired. */
    public boolean valid(String visitorId, String token) {
        return valid(visitorId, token, false);
    }

    /**
     * Whether the token is valid for this visitor, or — when {@code sameOriginRequest} — a valid token of
     * this site for a browser that does not keep the cookie.
     */
    public boolean valid(String visitorId, String token, boolean sameOriginRequest) {
        if (visitorId == null || token == null || token.length() > 64) {
            return false;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != TOKEN_BYTES) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long expiry = b.getLong();
        byte[] bound = new byte[MAC_BYTES];
        byte[] cookieless = new byte[MAC_BYTES];
        b.get(bound).get(cookieless);
        if (expiry < clock.instant().getEpochSecond()) {
            return false;
        }
        for (HmacSha256 key : keys) {
            if (MessageDigest.isEqual(bound, mac(key, visitorId, expiry))
                    || (sameOriginRequest && MessageDigest.isEqual(cookieless, mac(key, NO_COOKIE, expiry)))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(HmacSha256 key, String visitorId, long expiry) {
        byte[] full = key.mac(visitorId.getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(Long.BYTES).putLong(expiry).array());
        return java.util.Arrays.copyOf(full, MAC_BYTES);
    }
}
