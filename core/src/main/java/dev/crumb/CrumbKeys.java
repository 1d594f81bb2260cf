package dev.crumb;

import dev.crumb.internal.cookie.CookieKeys;
import java.util.List;

/**
 * Reads cookie keys in their documented text form, the form of {@code CRUMB_KEYS} and of the {@code keys}
 * init-param: 32-byte base64url keys separated by commas or line breaks, the key that seals new cookies
 * first. The one key parser of Crumb: {@link CookieOptions.Builder#keysText} uses it too, so a key that
 * passes here is a key the configuration accepts.
 */
public final class CrumbKeys {

    private CrumbKeys() {
    }

    /**
     * The keys of {@code text}, checked and trimmed, the sealing key first.
     *
     * @param origin where the text came from, named in the message (e.g. {@code CRUMB_KEYS} or a file path)
     * @throws CrumbConfigException for the option {@code keys}, naming the entry that is empty, not base64url,
     *                              not 32 bytes long or repeated, and how to make a good key
     */
    public static List<String> parse(String text, String origin) {
        return CrumbConfigException.naming("keys", () -> CookieKeys.parseText(text, origin));
    }
}
