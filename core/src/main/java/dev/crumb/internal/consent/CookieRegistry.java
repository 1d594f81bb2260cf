package dev.crumb.internal.consent;

import dev.crumb.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which category each cookie serves: the application's registrations by exact name (first) or by
 * prefix (the longest matching prefix wins); Crumb's own cookie and the container's session cookie
 * ({@code JSESSIONID}) are necessary; anything else counts as the unregistered category, by default
 * the strictest, {@link Category#MARKETING}.
 */
public final class CookieRegistry {

    /** The servlet containers' session cookie: needed for the site to work. */
    public static final String SESSION_COOKIE = "JSESSIONID";

    private final Map<String, CookieRule> exact = new HashMap<>();
    private final List<CookieRule> prefixes = new ArrayList<>();
    private final List<CookieRule> rules;
    private final Category unregistered;
    private final Set<String> necessary;

    /**
     * @param rules          the application's registrations
     * @param unregistered   the category of every other cookie
     * @param necessaryNames cookies that are always necessary (Crumb's own, the session cookie)
     * @throws IllegalArgumentException when a pattern is registered twice or names a necessary cookie
     */
    public CookieRegistry(List<CookieRule> rules, Category unregistered, Set<String> necessaryNames) {
        this.rules = List.copyOf(rules);
        this.unregistered = Objects.requireNonNull(unregistered, "unregistered");
        this.necessary = Set.copyOf(necessaryNames);
        Map<String, CookieRule> seenPrefixes = new HashMap<>();
        for (CookieRule rule : this.rules) {
            if (!rule.prefix() && necessary.contains(rule.name())) {
                throw new IllegalArgumentException("cookie-categories: '" + rule.name() + "' is Crumb's cookie or the "
                        + "container's session cookie, which are always necessary; remove it from the list");
            }
            CookieRule earlier = rule.prefix() ? seenPrefixes.put(rule.name(), rule) : exact.put(rule.name(), rule);
            if (earlier != null) {
                throw new IllegalArgumentException("cookie-categories: '" + rule.pattern() + "' is registered twice; "
                        + "keep one entry");
            }
            if (rule.prefix()) {
                prefixes.add(rule);
            }
        }
        prefixes.sort(Comparator.comparingInt((CookieRule r) -> r.name().length()).reversed());
    }

    /** The category of a cookie called {@code cookieName}. */
    public Category categoryOf(String cookieName) {
        CookieRule rule = ruleFor(cookieName);
        if (rule != null) {
            return rule.category();
        }
        return necessary.contains(cookieName) ? Category.NECESSARY : unregistered;
    }

    /** The path the cookie is set with, as registered; {@code /} for unregistered cookies. */
    public String pathOf(String cookieName) {
        CookieRule rule = ruleFor(cookieName);
        return rule == null ? "/" : rule.path();
    }

    /** The registrations, in configuration order. */
    public List<CookieRule> rules() {
        return rules;
    }

    /** The category of cookies nobody registered. */
    public Category unregistered() {
        return unregistered;
    }

    private CookieRule ruleFor(String cookieName) {
        if (cookieName == null) {
            return null;
        }
        if (necessary.contains(cookieName)) {
            return null;
        }
        CookieRule rule = exact.get(cookieName);
        if (rule != null) {
            return rule;
        }
        for (CookieRule p : prefixes) {
            if (p.matches(cookieName)) {
                return p;
            }
        }
        return null;
    }
}
