package dev.crumb.internal.cookie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Produces the {@code Set-Cookie} header for a payload, within the browser limit of
 * {@value SetCookieHeader#MAX_HEADER_BYTES} bytes. When the sealed payload would be too large, saved
 * form data gives way first, the longest field first; the visitor ID, locale, visit and consent are
 * small and bounded and always fit.
 */
public final class CookieWriter {

    private final CookieCodec codec;
    private final SetCookieHeader onSecure;
    private final SetCookieHeader onPlain;

    /**
     * @param codec       seals payloads
     * @param onSecure    the header shape on HTTPS requests
     * @param onPlain     the header shape on plain-HTTP requests (Secure only when configured)
     */
    public CookieWriter(CookieCodec codec, SetCookieHeader onSecure, SetCookieHeader onPlain) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.onSecure = Objects.requireNonNull(onSecure, "onSecure");
        this.onPlain = Objects.requireNonNull(onPlain, "onPlain");
    }

    /**
     * The header that was produced, the payload it carries (possibly with fewer saved fields than asked)
     * and the saved-form fields that had to be left out to fit.
     */
    public record Written(String header, CookiePayload payload, List<String> droppedFields) {
        public Written {
            droppedFields = List.copyOf(droppedFields);
        }
    }

    /** Seals {@code payload} into a header that fits, shedding saved form fields if it must. */
    public Written write(CookiePayload payload, boolean secureRequest) {
        return write(payload, secureRequest, (secureRequest ? onSecure : onPlain).maxAge().toSeconds());
    }

    /**
     * Seals {@code payload} into a header that fits, with {@code Max-Age} {@code maxAgeSeconds} (the time
     * left of the cookie's fixed lifetime), shedding saved form fields if it must.
     */
    public Written write(CookiePayload payload, boolean secureRequest, long maxAgeSeconds) {
        SetCookieHeader shape = secureRequest ? onSecure : onPlain;
        List<String> dropped = new ArrayList<>();
        CookiePayload current = payload;
        while (true) {
            String header = shape.set(codec.seal(current), maxAgeSeconds);
            if (SetCookieHeader.fits(header)) {
                return new Written(header, current, dropped);
            }
            Map<String, String> form = current.savedForm();
            if (form == null || form.isEmpty()) {
                throw new IllegalStateException("the visitor cookie is " + header.length()
                        + " bytes without saved form data; this cannot happen with Crumb's bounded fields");
            }
            String longest = form.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, String>>comparingInt(e -> e.getValue().length())
                            .thenComparing(Map.Entry::getKey))
                    .orElseThrow().getKey();
            Map<String, String> smaller = new LinkedHashMap<>(form);
            smaller.remove(longest);
            dropped.add(longest);
            current = current.withSavedForm(smaller);
        }
    }

    /** The header that deletes the cookie in the browser. */
    public String delete(boolean secureRequest) {
        return (secureRequest ? onSecure : onPlain).delete();
    }
}
