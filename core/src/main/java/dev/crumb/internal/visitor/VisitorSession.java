package dev.crumb.internal.visitor;

import dev.crumb.internal.locale.Languages;
import dev.crumb.internal.locale.Countries;
import dev.crumb.Category;
import dev.crumb.CookiesEnabled;
import dev.crumb.Visitor;
import dev.crumb.internal.consent.ConsentState;
import dev.crumb.internal.cookie.CookiePayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The visitor state of one request: the cookie payload as it stands, and whether it must be sent back.
 * Confined to the request thread; applications see immutable {@link Visitor} snapshots.
 */
public final class VisitorSession {

    private final SessionSupport support;
    private final boolean arrivedWithCookie;
    private final boolean newVisit;
    private final boolean refusalSignal;
    private CookiePayload payload;
    private boolean changed;
    private boolean cookieWritten;
    private boolean committed;
    private boolean cookiesBlocked;
    private boolean sameOriginRequest;
    private String trustedCountry;
    /** {@link #consent()} as last evaluated; cleared when the payload or the trusted country changes. */
    private ConsentState consent;

    public VisitorSession(SessionSupport support, CookiePayload payload, boolean arrivedWithCookie, boolean newVisit,
                          boolean changed) {
        this(support, payload, arrivedWithCookie, newVisit, changed, false);
    }

    /**
     * @param refusalSignal whether the request carries Global Privacy Control (or Do Not Track, when honoured)
     */
    public VisitorSession(SessionSupport support, CookiePayload payload, boolean arrivedWithCookie, boolean newVisit,
                          boolean changed, boolean refusalSignal) {
        this.support = Objects.requireNonNull(support, "support");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.arrivedWithCookie = arrivedWithCookie;
        this.newVisit = newVisit;
        this.changed = changed;
        this.refusalSignal = refusalSignal;
    }

    /** The payload as it stands now. */
    public CookiePayload payload() {
        return payload;
    }

    /** Whether the cookie must be (re)sent on this response. */
    public boolean changed() {
        return changed;
    }

    /** Whether the request carried a valid Crumb cookie. */
    public boolean arrivedWithCookie() {
        return arrivedWithCookie;
    }

    /** Replaces the payload; the cookie will be re-sent if the response is not committed yet. */
    public void replace(CookiePayload next) {
        Objects.requireNonNull(next, "next");
        if (!next.equals(payload)) {
            payload = next;
            changed = true;
            consent = null;
        }
    }

    /** Marks the cookie as written to the response; later changes can no longer reach the browser. */
    public void markWritten() {
        cookieWritten = true;
        changed = false;
    }

    /** Whether the cookie header was already added to the response. */
    public boolean cookieWritten() {
        return cookieWritten;
    }

    /** Marks the moment the response starts to commit: from now on the cookie can no longer change. */
    public void markCommitted() {
        committed = true;
    }

    /** Whether the response has started to commit, so changes to the payload no longer reach the browser. */
    public boolean committed() {
        return committed;
    }

    /** Records that a probe showed the browser does not return the cookie. */
    public void markCookiesBlocked() {
        cookiesBlocked = true;
    }

    /** Records an explicit country and language choice. */
    public void chooseLocale(String country, String language) {
        String c = Countries.normalise(country);
        String l = Languages.normalise(language);
        if (c == null) {
            throw new IllegalArgumentException("country '" + country + "' is not an ISO 3166-1 alpha-2 code such as US or DE");
        }
        if (l == null || !support.locales().offers(l)) {
            throw new IllegalArgumentException("language '" + language + "' is not one of the site's languages");
        }
        replace(payload.withLocale(c, l, true));
    }

    /** A CSRF token bound to this visitor. */
    public String csrfToken() {
        return support.csrf().issue(payload.visitorId());
    }

    /**
     * Whether the token is a valid CSRF token of this visitor — or, for a request that carried no cookie
     * (a browser that blocks cookies) but shows it comes from this site, a valid token of this site.
     */
    public boolean validCsrfToken(String token) {
        return support.csrf().valid(payload.visitorId(), token, !arrivedWithCookie && sameOriginRequest);
    }

    /** Records whether the request shows it comes from a page of this site (see {@code SameOriginRequests}). */
    public void markSameOriginRequest(boolean sameOrigin) {
        this.sameOriginRequest = sameOrigin;
    }

    /**
     * Records the country of the trusted country header on this request ({@code null} when absent); with
     * the visitor's explicit choice it is the only source of the consent region.
     */
    public void markTrustedCountry(String country) {
        this.trustedCountry = country;
        this.consent = null;
    }

    /** What the browser is known to do with cookies. */
    public CookiesEnabled cookiesEnabled() {
        if (arrivedWithCookie) {
            return CookiesEnabled.YES;
        }
        return cookiesBlocked ? CookiesEnabled.NO : CookiesEnabled.UNKNOWN;
    }

    /**
     * The consent in effect now: the visitor's choice under the current policy revision, else a browser
     * refusal signal, else the default of the visitor's region (see {@code docs/consent.md}).
     */
    public ConsentState consent() {
        // Evaluated once per request and state: the filter, the page tracker and the application each ask.
        if (consent == null) {
            consent = support.consent().evaluate(payload, refusalSignal, trustedCountry);
        }
        return consent;
    }

    /** Whether the request carries Global Privacy Control (or Do Not Track, when honoured). */
    public boolean refusalSignal() {
        return refusalSignal;
    }

    /** The categories the visitor consents to now; always includes {@link Category#NECESSARY}. */
    public Set<Category> consented() {
        return consent().granted();
    }

    /** Whether the visitor consents to {@code category} now. */
    public boolean consents(Category category) {
        return consented().contains(category);
    }

    /** An immutable snapshot for the application. */
    public Visitor toVisitor() {
        CookiePayload p = payload;
        ConsentState consent = consent();
        // Saved form data is a preference: without that consent the application does not see it.
        return new Visitor(p.visitorId(), p.country(), p.language(), Instant.ofEpochSecond(p.firstSeen()),
                Instant.ofEpochSecond(p.lastSeen()), p.visit(), newVisit, consent.granted(), consent.needed(),
                consent.grants(Category.PREFERENCES) ? p.savedForm() : null, cookiesEnabled());
    }
}
