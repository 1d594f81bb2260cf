package dev.crumb.internal.visitor;

import dev.crumb.internal.locale.LocaleResolver;
import dev.crumb.internal.cookie.CookieCodec;
import dev.crumb.internal.cookie.CookieOpener;
import dev.crumb.internal.http.RequestCookies;
import dev.crumb.internal.http.SameOriginRequests;
import dev.crumb.internal.cookie.CookiePayload;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Reads the visitor from a request: opens the Crumb cookie (picking, among several of that name, the
 * newest one that opens), or starts a new visitor; then applies the visit rules. A new visit starts
 * after inactivity longer than the visit timeout; the last-seen time is refreshed, and so the cookie
 * re-sent, only when it is older than the refresh interval.
 */
public final class VisitorResolver {

    private final String cookieName;
    private final CookieOpener codec;
    private final LocaleResolver locales;
    private final VisitorIds ids;
    private final Clock clock;
    private final long timeoutSeconds;
    private final long refreshSeconds;
    private final SessionSupport support;
    private final CookieLifetime lifetime;

    public VisitorResolver(String cookieName, CookieOpener codec, LocaleResolver locales, VisitorIds ids, Clock clock,
                           Duration visitTimeout, Duration lastSeenRefresh, SessionSupport support) {
        this(cookieName, codec, locales, ids, clock, visitTimeout, lastSeenRefresh, support,
                new CookieLifetime(java.time.Period.ofMonths(13)));
    }

    /** @param lifetime the cookie's fixed lifetime; a cookie older than that starts a new visitor */
    public VisitorResolver(String cookieName, CookieOpener codec, LocaleResolver locales, VisitorIds ids, Clock clock,
                           Duration visitTimeout, Duration lastSeenRefresh, SessionSupport support,
                           CookieLifetime lifetime) {
        this.lifetime = java.util.Objects.requireNonNull(lifetime, "lifetime");
        this.cookieName = Objects.requireNonNull(cookieName, "cookieName");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.locales = Objects.requireNonNull(locales, "locales");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeoutSeconds = visitTimeout.toSeconds();
        this.refreshSeconds = lastSeenRefresh.toSeconds();
        this.support = Objects.requireNonNull(support, "support");
    }

    /** The visitor session of this request. Never throws for any cookie or header content. */
    public VisitorSession resolve(HttpServletRequest request) {
        long now = clock.instant().getEpochSecond();
        CookieCodec.Opened opened = newestValidCookie(RequestCookies.values(request, cookieName));
        if (opened == null || lifetime.expired(opened.payload().firstSeen(), clock.instant())) {
            // No cookie, or one past its fixed lifetime that the browser should have dropped: start over.
            return newVisitor(request, now);
        }
        CookiePayload p = opened.payload();
        boolean changed = opened.sealedWithOlderKey();
        boolean newVisit = false;
        long gap = now - p.lastSeen();
        if (gap > timeoutSeconds) {
            p = p.withVisit(now, p.visit() + 1);
            newVisit = true;
            changed = true;
        } else if (gap >= refreshSeconds && gap > 0) {
            p = p.withVisit(now, p.visit());
            changed = true;
        }
        // A clock behind the one that wrote the cookie (gap < 0) keeps the cookie's time: never move back.
        VisitorSession session = new VisitorSession(support, p, true, newVisit, changed, support.consent().refusalSignal(request));
        // Whether the request came from this site matters only to a request without a cookie (the site-wide
        // CSRF token of a browser that blocks cookies): not read here, which saves three header lookups.
        session.markTrustedCountry(locales.trustedCountry(request));
        return session;
    }

    private VisitorSession newVisitor(HttpServletRequest request, long now) {
        LocaleResolver.Resolved locale = locales.resolve(request);
        CookiePayload p = new CookiePayload(ids.next(), locale.country(), locale.language(), now, now, 1, null, null, null);
        VisitorSession session = new VisitorSession(support, p, false, true, true, support.consent().refusalSignal(request));
        session.markSameOriginRequest(SameOriginRequests.sameOrigin(request));
        session.markTrustedCountry(locales.trustedCountry(request));
        return session;
    }

    private CookieCodec.Opened newestValidCookie(List<String> values) {
        CookieCodec.Opened best = null;
        for (String value : values) {
            CookieCodec.Opened opened = codec.open(value).orElse(null);
            if (opened != null && (best == null || opened.payload().lastSeen() > best.payload().lastSeen())) {
                best = opened;
            }
        }
        return best;
    }
}
