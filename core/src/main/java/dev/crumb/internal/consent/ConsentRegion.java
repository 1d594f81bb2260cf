package dev.crumb.internal.consent;

import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.locale.Countries;

/**
 * Where a visitor is, as far as consent defaults are concerned: only from sources the visitor or the
 * operator vouches for. The country the visitor chose explicitly comes first, then the configured
 * trusted country header (set by the CDN or proxy in front of the site); otherwise the region is
 * unknown ({@code ZZ}), and unknown is opt-in. {@code Accept-Language} is never a source: it names a
 * language, and English-language browsers are common all over the EU.
 */
final class ConsentRegion {

    private ConsentRegion() {
    }

    /**
     * The country whose defaults apply.
     *
     * @param payload        the visitor's cookie as it stands
     * @param trustedCountry the valid country of the trusted header on this request, or {@code null}
     * @return an ISO 3166-1 alpha-2 code, or {@link Countries#UNKNOWN}
     */
    public static String of(CookiePayload payload, String trustedCountry) {
        if (payload.localeChosen()) {
            String chosen = Countries.normalise(payload.country());
            if (chosen != null) {
                return chosen;
            }
        }
        String header = Countries.normalise(trustedCountry);
        return header == null ? Countries.UNKNOWN : header;
    }
}
