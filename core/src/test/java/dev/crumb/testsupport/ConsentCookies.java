package dev.crumb.testsupport;

import dev.crumb.Category;
import dev.crumb.internal.cookie.CookieCodec;
import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.cookie.CookiePayload;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * Gives a test browser's visitor cookie a consent choice by re-sealing it with the test key, keeping
 * the visitor ID and visit. Stands in for the consent banner until integration tests can click it.
 */
public final class ConsentCookies {

    private ConsentCookies() {
    }

    /** Re-seals the browser's cookie {@code name} (sealed with {@code key}) so that it grants {@code categories}. */
    public static void grant(Browser browser, String name, String key, Instant at, Category... categories) {
        CookieCodec codec = new CookieCodec(CookieKeys.parse(List.of(key), "test key"), new SecureRandom());
        String value = browser.cookie(name);
        if (value == null) {
            throw new IllegalStateException("the browser has no cookie '" + name + "' yet; visit a page first");
        }
        CookiePayload payload = codec.open(value).orElseThrow(
                () -> new IllegalStateException("the browser's cookie does not open with the test key")).payload();
        int bits = 0;
        for (Category c : categories) {
            bits |= 1 << c.ordinal();
        }
        browser.setCookie(name, codec.seal(payload.withConsent(
                new CookiePayload.StoredConsent(bits, 1, at.getEpochSecond(), 0))));
    }
}
