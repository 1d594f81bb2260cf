package dev.crumb.internal.cookie;

import java.util.Map;
import java.util.Objects;

/**
 * What the visitor cookie holds, before encryption. Its JSON form (short names, unknown names ignored so
 * that a newer Crumb can add fields an older server still reads) is defined in {@link CookiePayloadJson}
 * alone.
 *
 * @param visitorId   random visitor ID (URL-safe, at least 128 bits)
 * @param country     ISO 3166-1 alpha-2, or {@code ZZ} for unknown
 * @param language    ISO 639 primary language tag
 * @param firstSeen   epoch seconds of the first visit
 * @param lastSeen    epoch seconds of the last activity (refreshed at most once per refresh interval)
 * @param visit       visit number, 1 for the first
 * @param consent     the visitor's consent choices, or {@code null} when none was made
 * @param savedForm   saved form fields (only with preferences consent), or {@code null}
 * @param chosenLocale whether country and language were chosen explicitly by the visitor
 */
public record CookiePayload(
        String visitorId,
        String country,
        String language,
        long firstSeen,
        long lastSeen,
        int visit,
        StoredConsent consent,
        Map<String, String> savedForm,
        Boolean chosenLocale) {

    public CookiePayload {
        if (!validId(visitorId)) {
            throw new IllegalArgumentException("visitorId must be 22 to 64 URL-safe characters");
        }
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(language, "language");
        if (visit < 1) {
            throw new IllegalArgumentException("visit must be 1 or more");
        }
        if (lastSeen < firstSeen) {
            throw new IllegalArgumentException("lastSeen before firstSeen");
        }
        savedForm = savedForm == null || savedForm.isEmpty() ? null : Map.copyOf(savedForm);
        chosenLocale = Boolean.TRUE.equals(chosenLocale) ? Boolean.TRUE : null;
    }

    /**
     * Whether {@code id} is 22 to 64 base64url characters. A loop rather than a regular expression: every
     * opened cookie passes through here, and the regex cost a tenth of opening one.
     */
    private static boolean validId(String id) {
        if (id == null || id.length() < 22 || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether the visitor chose country and language explicitly. */
    public boolean localeChosen() {
        return Boolean.TRUE.equals(chosenLocale);
    }

    public CookiePayload withLocale(String newCountry, String newLanguage, boolean chosen) {
        return new CookiePayload(visitorId, newCountry, newLanguage, firstSeen, lastSeen, visit, consent, savedForm,
                chosen || localeChosen());
    }

    public CookiePayload withVisit(long newLastSeen, int newVisit) {
        return new CookiePayload(visitorId, country, language, firstSeen, newLastSeen, newVisit, consent, savedForm,
                chosenLocale);
    }

    public CookiePayload withConsent(StoredConsent newConsent) {
        return new CookiePayload(visitorId, country, language, firstSeen, lastSeen, visit, newConsent, savedForm,
                chosenLocale);
    }

    public CookiePayload withSavedForm(Map<String, String> newSavedForm) {
        return new CookiePayload(visitorId, country, language, firstSeen, lastSeen, visit, consent, newSavedForm,
                chosenLocale);
    }

    /**
     * Consent as kept in the cookie: the granted optional categories as a bit set (bit = ordinal of
     * {@link dev.crumb.Category}), the policy revision and the epoch second of the decision, the
     * source's ordinal, and whether the browser sent a refusal signal (Global Privacy Control) when the
     * visitor decided: only a choice made while sending the signal overrides it (see {@code ConsentRules}).
     */
    public record StoredConsent(
            int grantedBits,
            int policyRevision,
            long decidedAt,
            int source,
            Boolean signalAtDecision) {

        public StoredConsent {
            signalAtDecision = Boolean.TRUE.equals(signalAtDecision) ? Boolean.TRUE : null;
        }

        /** A decision made without a refusal signal. */
        public StoredConsent(int grantedBits, int policyRevision, long decidedAt, int source) {
            this(grantedBits, policyRevision, decidedAt, source, null);
        }

        /** Whether the browser sent a refusal signal when the visitor made this decision. */
        public boolean madeWithSignal() {
            return Boolean.TRUE.equals(signalAtDecision);
        }
    }
}
