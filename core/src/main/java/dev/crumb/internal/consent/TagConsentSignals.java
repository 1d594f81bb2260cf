package dev.crumb.internal.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crumb.Category;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Server-rendered consent signals for the tag scripts sites really use, from the consent in force on
 * the server (so they agree with what Crumb enforces): Google Consent Mode v2 and Matomo. Each is an
 * inline {@code <script>} that only sets state — it loads nothing — placed before the tag's own script,
 * with the CSP nonce the site gives. Values are fixed words and JSON written by Jackson; no request data
 * reaches the script.
 */
public final class TagConsentSignals {

    /** A CSP nonce as sites make them: base64 or base64url, 8 to 128 characters. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9+/_=-]{8,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TagConsentSignals() {
    }

    /**
     * {@code gtag('consent','default',…)} for Google Consent Mode v2: {@code ad_storage},
     * {@code ad_user_data} and {@code ad_personalization} follow {@code marketing}; {@code analytics_storage}
     * follows {@code analytics}; {@code functionality_storage} and {@code personalization_storage} follow
     * {@code preferences}; {@code security_storage} is always granted (necessary). Ads data is redacted
     * while ad storage is denied.
     *
     * @param nonce the page's CSP nonce, or {@code null} when the site has no nonce-based policy
     */
    public static String googleConsentMode(ConsentState state, String nonce) {
        Map<String, String> consent = new LinkedHashMap<>();
        String ads = grant(state, Category.MARKETING);
        consent.put("ad_storage", ads);
        consent.put("ad_user_data", ads);
        consent.put("ad_personalization", ads);
        consent.put("analytics_storage", grant(state, Category.ANALYTICS));
        consent.put("functionality_storage", grant(state, Category.PREFERENCES));
        consent.put("personalization_storage", grant(state, Category.PREFERENCES));
        consent.put("security_storage", "granted");
        return script(nonce, "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}\n"
                + "gtag('consent','default'," + json(consent) + ");\n"
                + "gtag('set','ads_data_redaction'," + !state.grants(Category.MARKETING) + ");\n");
    }

    /**
     * Matomo's cookie consent: {@code requireCookieConsent} always, then {@code setCookieConsentGiven}
     * with {@code analytics} consent, else {@code forgetCookieConsentGiven} (which also drops a consent
     * Matomo remembered itself). Without consent Matomo then tracks without cookies.
     *
     * @param nonce the page's CSP nonce, or {@code null}
     */
    public static String matomo(ConsentState state, String nonce) {
        return script(nonce, "var _paq=window._paq=window._paq||[];\n_paq.push(['requireCookieConsent']);\n"
                + (state.grants(Category.ANALYTICS) ? "_paq.push(['setCookieConsentGiven']);\n"
                        : "_paq.push(['forgetCookieConsentGiven']);\n"));
    }

    private static String grant(ConsentState state, Category category) {
        return state.grants(category) ? "granted" : "denied";
    }

    private static String script(String nonce, String body) {
        if (nonce != null && !NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("the CSP nonce must be 8 to 128 base64 characters (A-Z a-z 0-9 + / _ - =); "
                    + "pass the value your Content-Security-Policy names, or null without one");
        }
        return (nonce == null ? "<script>" : "<script nonce=\"" + nonce + "\">") + "\n" + body + "</script>\n";
    }

    private static String json(Map<String, String> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of fixed words always serialises", e);
        }
    }
}
