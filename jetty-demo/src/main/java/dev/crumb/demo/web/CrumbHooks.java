package dev.crumb.demo.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The places where every page asks Crumb for a piece of markup. They return nothing until the demo is
 * wired to the library; keeping them in one class means the wiring is a change to this file only.
 */
public final class CrumbHooks {

    private CrumbHooks() {
    }

    /**
     * The consent banner fragment, shown near the top of every page until the visitor has chosen.
     * Empty when the visitor has chosen already.
     */
    public static Html consentBanner(HttpServletRequest request) {
        // crumb: return the library's banner fragment for this request (markup Crumb escaped itself).
        return Html.EMPTY;
    }

    /**
     * The hidden CSRF field that every state-changing form carries. The library checks the token
     * before the request reaches a servlet, so servlets do not check it themselves.
     */
    public static Html csrfField(HttpServletRequest request) {
        // crumb: return the library's hidden token input, e.g. <input type="hidden" name="…" value="…">.
        return Html.EMPTY;
    }

    /** Where the header's country and language form posts to; Crumb keeps the choice in its cookie. */
    public static String localeAction() {
        // crumb: use the library's locale endpoint under /crumb/ once its path is fixed.
        return "/crumb/locale";
    }
}
