package dev.crumb.internal.consent;

import dev.crumb.Category;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One registration of an application cookie: an exact name ({@code recently_viewed}) or a prefix
 * ({@code _ga*}), its category, and the path it is set with, so that withdrawing consent can delete it.
 *
 * @param name     the exact name, or the prefix without its {@code *}
 * @param prefix   whether {@code name} is a prefix
 * @param category the category the cookie serves
 * @param path     the cookie's {@code Path} attribute, {@code /} unless registered otherwise
 */
public record CookieRule(String name, boolean prefix, Category category, String path) {

    /** RFC 6265 token characters, minus {@code *} (which marks a prefix). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9!#$%&'+.^_`|~-]{1,128}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()+,;=:@/%-]{0,255}");

    public CookieRule {
        Objects.requireNonNull(category, "category");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cookie-categories: '" + name + "' is not a cookie name; use letters, "
                    + "digits and - _ . (end it with * to match a prefix, e.g. _ga*)");
        }
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("cookie-categories: the path of '" + name + "' must start with / and be "
                    + "a plain URL path such as /shop, was '" + path + "'");
        }
    }

    /** A rule from {@code pattern} ({@code name} or {@code prefix*}), with path {@code /} when {@code path} is null. */
    public static CookieRule of(String pattern, Category category, String path) {
        Objects.requireNonNull(pattern, "cookie name");
        String p = pattern.trim();
        boolean prefix = p.endsWith("*");
        return new CookieRule(prefix ? p.substring(0, p.length() - 1) : p, prefix, category, path == null ? "/" : path.trim());
    }

    /**
     * Parses one entry of the init-param {@code cookie-categories}: {@code name=category},
     * {@code prefix*=category} or either with {@code ;path=/somewhere}.
     */
    public static CookieRule parse(String entry) {
        String text = entry.trim();
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("cookie-categories entry '" + text + "' must look like name=category, "
                    + "prefix*=category or name=category;path=/path (categories: necessary, preferences, analytics, marketing)");
        }
        String pattern = text.substring(0, eq).trim();
        String rest = text.substring(eq + 1).trim();
        String path = null;
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            String attribute = rest.substring(semicolon + 1).trim();
            rest = rest.substring(0, semicolon).trim();
            if (!attribute.toLowerCase(Locale.ROOT).startsWith("path=")) {
                throw new IllegalArgumentException("cookie-categories entry '" + text + "': only ;path=/... may follow "
                        + "the category");
            }
            path = attribute.substring("path=".length()).trim();
        }
        Category category;
        try {
            category = Category.fromId(rest);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cookie-categories entry '" + text + "': " + e.getMessage(), e);
        }
        return of(pattern, category, path);
    }

    /** Whether this rule covers a cookie called {@code cookieName}. */
    public boolean matches(String cookieName) {
        return prefix ? cookieName.startsWith(name) : cookieName.equals(name);
    }

    /** The rule as written in configuration, e.g. {@code _ga*}. */
    public String pattern() {
        return prefix ? name + "*" : name;
    }
}
