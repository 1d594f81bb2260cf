package dev.crumb.internal.web;

import dev.crumb.Category;
import dev.crumb.internal.consent.ConsentState;

/**
 * The consent texts that depend on the state in force: while the region's defaults turn optional
 * categories on, the banner and the consent page must not claim they are used "only if you agree".
 */
final class ConsentWording {

    private ConsentWording() {
    }

    /** The banner's sentence for the state in force. */
    static String bannerText(Texts t, ConsentState state) {
        return t.get(defaultsOn(state) ? "banner.textDefaultsOn" : "banner.text");
    }

    /** The consent page's introduction for the state in force. */
    static String intro(Texts t, ConsentState state) {
        return t.get(defaultsOn(state) ? "consent.introDefaultsOn" : "consent.intro");
    }

    private static boolean defaultsOn(ConsentState state) {
        return !state.explicit() && state.granted().stream().anyMatch(Category::optional);
    }
}
