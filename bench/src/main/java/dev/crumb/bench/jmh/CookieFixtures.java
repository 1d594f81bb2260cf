package dev.crumb.bench.jmh;

import dev.crumb.bench.BenchKeys;
import dev.crumb.internal.cookie.CookieCodec;
import dev.crumb.internal.cookie.CookieKeys;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.cookie.CookiePayloadJson;
import dev.crumb.internal.cookie.SetCookieHeader;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cookie payloads the codec benchmarks use: a typical returning visitor, and the same visitor with
 * saved form data grown until the {@code Set-Cookie} header is as close to the 4096-byte browser limit as
 * Crumb's writer allows.
 */
public final class CookieFixtures {

    /** 2024-05-01T10:00:00Z, the fixed "now" of every fixture. */
    public static final long NOW = 1_714_557_600L;

    private static final String VISITOR_ID = "q3Vx9LmP0aZ7bWc2YtE5kA";
    /** The header shape the filter uses by default on plain HTTP. */
    private static final SetCookieHeader SHAPE =
            new SetCookieHeader("crumb", "/", null, Duration.ofDays(390), false, false);

    private CookieFixtures() {
    }

    /** The payload shapes benchmarked. */
    public enum Shape {
        /** ID, country, language, first/last seen, visit number and a consent decision. */
        TYPICAL,
        /** {@link #TYPICAL} plus saved form fields filling the cookie up to the size limit. */
        FULL
    }

    /** The codec as the filter builds it: the bench key ring and a default {@link SecureRandom}. */
    public static CookieCodec codec() {
        return new CookieCodec(keys(), new SecureRandom());
    }

    /** The bench key ring (one key). */
    public static CookieKeys keys() {
        return CookieKeys.parse(List.of(BenchKeys.COOKIE_KEY), "bench");
    }

    /** The payload of the given shape. */
    public static CookiePayload payload(Shape shape) {
        return shape == Shape.TYPICAL ? typical() : full();
    }

    /** The payload serialised as the codec does, for the raw AES-GCM baseline. */
    public static byte[] json(CookiePayload payload) {
        return CookiePayloadJson.write(payload);
    }

    static CookiePayload typical() {
        var consent = new CookiePayload.StoredConsent(0b0110, 3, NOW - 86_400 * 20, 1);
        return new CookiePayload(VISITOR_ID, "DE", "de", NOW - 86_400 * 40, NOW - 90, 7, consent, null, null);
    }

    /**
     * The typical payload plus a contact form; the message is as long as it can be while the header
     * still fits. Found by bisection on the sealed length, which does not depend on the random IV.
     */
    static CookiePayload full() {
        CookieCodec codec = codec();
        int lo = 0;
        int hi = SetCookieHeader.MAX_HEADER_BYTES;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (SetCookieHeader.fits(SHAPE.set(codec.seal(withForm(mid))))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return withForm(lo);
    }

    private static CookiePayload withForm(int messageLength) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Erika Mustermann");
        form.put("email", "erika.mustermann@example.org");
        form.put("company", "Beispiel GmbH & Co. KG");
        form.put("topic", "pricing");
        StringBuilder message = new StringBuilder(messageLength);
        String words = "Guten Tag, we would like to know more about your offer for larger teams. ";
        while (message.length() < messageLength) {
            message.append(words, 0, Math.min(words.length(), messageLength - message.length()));
        }
        form.put("message", message.toString());
        return typical().withSavedForm(form);
    }
}
