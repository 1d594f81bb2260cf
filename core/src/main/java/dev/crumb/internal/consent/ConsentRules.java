package dev.crumb.internal.consent;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.cookie.CookiePayload.StoredConsent;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Decides the consent in effect: the visitor's own choice under the current policy revision wins;
 * without one, a refusal signal of the browser (Global Privacy Control, or Do Not Track when honoured)
 * refuses every optional category; otherwise the default of the visitor's region applies — everything
 * optional off in opt-in regions, {@code preferences} and {@code analytics} on elsewhere. Marketing is
 * never on by default: the policy asks consent before promotions everywhere.
 */
public final class ConsentRules {

    private static final Set<Category> NONE = EnumSet.of(Category.NECESSARY);
    /** By ordinal, as a stored decision names its source; {@code values()} would copy the array per request. */
    private static final ConsentSource[] SOURCES = ConsentSource.values();
    private static final Set<Category> OPT_OUT_DEFAULT =
            EnumSet.of(Category.NECESSARY, Category.PREFERENCES, Category.ANALYTICS);

    private final OptInRegions regions;
    private final int policyRevision;
    private final ConsentState refusedBySignal;
    private final ConsentState optInDefault;
    private final ConsentState optOutDefault;
    private final boolean honourDnt;
    private final Period consentMaxAge;
    private final Clock clock;

    /** Rules whose choices hold 6 months by the system clock. */
    public ConsentRules(OptInRegions regions, int policyRevision, boolean honourDnt) {
        this(regions, policyRevision, honourDnt, Period.ofMonths(6), Clock.systemUTC());
    }

    /**
     * @param consentMaxAge how long a visitor's choice holds; after it the visitor is asked again and the
     *                      region's defaults (or the browser's signal) apply meanwhile
     * @param clock         the time against which a choice's age is judged
     */
    public ConsentRules(OptInRegions regions, int policyRevision, boolean honourDnt, Period consentMaxAge, Clock clock) {
        this.consentMaxAge = Objects.requireNonNull(consentMaxAge, "consentMaxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.regions = Objects.requireNonNull(regions, "regions");
        if (policyRevision < 1) {
            throw new IllegalArgumentException("policy-revision must be 1 or more, was " + policyRevision);
        }
        this.policyRevision = policyRevision;
        // The three states without a choice, built once: defaultFor runs on every request without one.
        this.refusedBySignal = new ConsentState(NONE, false, ConsentSource.GPC, policyRevision, null);
        this.optInDefault = new ConsentState(NONE, true, ConsentSource.REGION_DEFAULT, policyRevision, null);
        this.optOutDefault = new ConsentState(OPT_OUT_DEFAULT, true, ConsentSource.REGION_DEFAULT, policyRevision, null);
        this.honourDnt = honourDnt;
    }

    /** The rules with default regions, revision 1 and Do Not Track ignored. */
    public static ConsentRules defaults() {
        return new ConsentRules(OptInRegions.defaults(), 1, false);
    }

    /** The configured policy revision. */
    public int policyRevision() {
        return policyRevision;
    }

    /** Whether the request carries a refusal signal: {@code Sec-GPC: 1}, or {@code DNT: 1} when honoured. */
    public boolean refusalSignal(HttpServletRequest request) {
        return "1".equals(trimmed(request.getHeader("Sec-GPC")))
                || honourDnt && "1".equals(trimmed(request.getHeader("DNT")));
    }

    /**
     * The consent in effect for a visitor with this cookie, given the request's refusal signal, when no
     * trusted country header is configured (or the request has none): only an explicitly chosen country
     * counts, else the region is unknown.
     */
    public ConsentState evaluate(CookiePayload payload, boolean refusalSignal) {
        return evaluate(payload, refusalSignal, null);
    }

    /**
     * The consent in effect for a visitor with this cookie, given the request's refusal signal and the
     * country of the trusted header ({@code null} when none). The region of the defaults comes only from
     * trusted sources — the visitor's explicit choice, else that header — never from
     * {@code Accept-Language}: a visitor in Germany whose browser speaks en-US is still in Germany.
     */
    public ConsentState evaluate(CookiePayload payload, boolean refusalSignal, String trustedCountry) {
        StoredConsent stored = payload.consent();
        ConsentSource storedSource = source(stored);
        if (stored != null && storedSource != null && ConsentState.isExplicit(storedSource)
                && stored.policyRevision() >= policyRevision && !lapsed(stored)) {
            Set<Category> granted = ConsentState.categories(stored.grantedBits());
            if (signalOverrides(stored, refusalSignal)) {
                // GPC is an opt-out of sale and sharing (CPRA §7025): it beats an earlier "accept" made
                // without it. Only a choice made while sending the signal is the visitor's override.
                granted = EnumSet.copyOf(granted);
                granted.remove(Category.MARKETING);
            }
            return new ConsentState(granted, false, storedSource,
                    stored.policyRevision(), Instant.ofEpochSecond(stored.decidedAt()));
        }
        ConsentState fallback = defaultFor(ConsentRegion.of(payload, trustedCountry), refusalSignal);
        if (fallback.sameAs(stored)) {
            return new ConsentState(fallback.granted(), fallback.needed(), fallback.source(), fallback.policyRevision(),
                    Instant.ofEpochSecond(stored.decidedAt()));
        }
        return fallback;
    }

    /**
     * Whether the visitor's explicit choice is older than {@code consent-max-age}: then it no longer
     * holds, the banner asks again and the defaults apply until the visitor answers.
     */
    public boolean lapsed(StoredConsent stored) {
        return stored != null && !clock.instant().isBefore(expiresAt(stored));
    }

    /** When the explicit choice {@code stored} stops holding. */
    public Instant expiresAt(StoredConsent stored) {
        return Instant.ofEpochSecond(stored.decidedAt()).atOffset(ZoneOffset.UTC).plus(consentMaxAge).toInstant();
    }

    /**
     * Whether the refusal signal on this request turns off marketing the visitor granted: they granted
     * it earlier, without sending the signal at that moment. The consent page says so.
     */
    public static boolean signalOverrides(StoredConsent stored, boolean refusalSignal) {
        return refusalSignal && stored != null && !stored.madeWithSignal()
                && (stored.grantedBits() & (1 << Category.MARKETING.ordinal())) != 0;
    }

    /**
     * The state without any choice of the visitor: refused by a browser signal (no need to ask: the
     * signal is the visitor's answer), or the default of the region (ask).
     */
    public ConsentState defaultFor(String country, boolean refusalSignal) {
        if (refusalSignal) {
            return refusedBySignal;
        }
        return regions.requiresOptIn(country) ? optInDefault : optOutDefault;
    }

    private static ConsentSource source(StoredConsent stored) {
        if (stored == null) {
            return null;
        }
        return stored.source() >= 0 && stored.source() < SOURCES.length ? SOURCES[stored.source()] : null;
    }

    private static String trimmed(String header) {
        return header == null ? null : header.trim();
    }
}
