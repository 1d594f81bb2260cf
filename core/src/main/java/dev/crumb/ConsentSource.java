package dev.crumb;

/** How a consent decision came about; recorded with every entry of the consent log as proof. */
public enum ConsentSource {
    /** The visitor chose in the banner or on the consent page. */
    BANNER,
    /** The browser sent Global Privacy Control ({@code Sec-GPC: 1}) or, where enabled, {@code DNT: 1}. */
    GPC,
    /** The default of the visitor's region applied because no choice was made yet. */
    REGION_DEFAULT,
    /** The visitor withdrew consent, for example by asking the site to forget them. */
    WITHDRAWAL,
    /** The application recorded a choice through the API (for example a form's marketing opt-in). */
    API
}
