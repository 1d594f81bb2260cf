package dev.crumb.internal.webxml;

import dev.crumb.CrumbConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The init-params of a {@code web.xml} filter declaration, remembering which names Crumb asked for. Every
 * option reader asks for its name whether or not it is set, so after the configuration is read, a given
 * name nobody asked for is a mistake (a misspelt {@code vist-timeout}, a builder-only option): {@link
 * #refuseUnknown} fails the start with the closest known name.
 */
public final class WebXmlParameters implements Function<String, String> {

    /** Names that look like options but are refused on purpose, with what to use instead. */
    private static final Map<String, String> REFUSED = Map.of(
            "store-password", "a password in web.xml ends up in the WAR and its copies: name an environment variable"
                    + " with store-password-env or a system property with store-password-property",
            "store", "a store object cannot be written in web.xml: give store-url (with store-user and"
                    + " store-password-env) or store-jndi naming a container DataSource");

    private final Map<String, String> given;
    private final Set<String> asked = new TreeSet<>();

    /** The init-params as given, in the order the container lists them. */
    public WebXmlParameters(Map<String, String> given) {
        this.given = Map.copyOf(given);
    }

    @Override
    public String apply(String name) {
        asked.add(name);
        return given.get(name);
    }

    /**
     * Fails when an init-param was given that no option reader asked for.
     *
     * @throws CrumbConfigException naming the param and the closest known name
     */
    public void refuseUnknown() {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(given.keySet())) {
            if (!asked.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String name = unknown.get(0);
        String reason = REFUSED.get(name.toLowerCase(Locale.ROOT));
        if (reason != null) {
            throw new CrumbConfigException(name, "init-param " + name + " is not accepted: " + reason);
        }
        String closest = closest(name, asked);
        throw new CrumbConfigException(name, "unknown init-param '" + name + "'"
                + (closest == null ? "" : " — did you mean '" + closest + "'?")
                + (unknown.size() > 1 ? " (also unknown: " + String.join(", ", unknown.subList(1, unknown.size())) + ")" : "")
                + "; docs/configuration.md lists every option");
    }

    /** The known name nearest to {@code name} by edit distance, when it is near enough to be a typo. */
    static String closest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        Map<String, Integer> distances = new HashMap<>();
        known.forEach(k -> distances.put(k, distance(lower, k)));
        return known.stream().min(Comparator.<String>comparingInt(distances::get).thenComparing(Comparator.naturalOrder()))
                .filter(k -> distances.get(k) <= Math.max(2, k.length() / 3))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
