package dev.crumb;

import java.util.Locale;

/**
 * A purpose for which a cookie or a piece of visitor data is kept. The visitor consents per category;
 * {@link #NECESSARY} needs no consent because the site cannot work, or cannot remember a refusal,
 * without it.
 */
public enum Category {
    /** The visitor cookie itself: ID, country, language and the consent choices. Always allowed. */
    NECESSARY,
    /** Saved form data and preference cookies such as "recently viewed". */
    PREFERENCES,
    /** Page tracking tied to a (hashed) visitor ID. */
    ANALYTICS,
    /** Promotional email and marketing cookies. */
    MARKETING;

    /** The lower-case name used in forms, JSON and configuration, e.g. {@code "analytics"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the visitor may refuse this category; every category but {@link #NECESSARY}. */
    public boolean optional() {
        return this != NECESSARY;
    }

    /**
     * Parses a category name as used in forms and configuration ({@code "analytics"}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code id} is not one of them
     */
    public static Category fromId(String id) {
        if (id != null) {
            for (Category c : values()) {
                if (c.id().equalsIgnoreCase(id.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown cookie category '" + id + "'; use one of necessary, preferences, analytics, marketing");
    }
}
