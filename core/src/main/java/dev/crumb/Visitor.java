package dev.crumb;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What Crumb knows about the visitor of the current request, read with {@link Crumb#visitor}. An
 * immutable snapshot: changes made through {@link Crumb} during the request are seen by the next call
 * of {@link Crumb#visitor}, not by a snapshot already taken.
 *
 * @param id             the random visitor ID (URL-safe); identifies a browser, not a person
 * @param country        ISO 3166-1 alpha-2 country, {@code ZZ} when unknown
 * @param language       ISO 639 language code
 * @param firstSeen      when this browser first visited
 * @param lastSeen       the last activity, as recorded in the cookie (refreshed at most once per minute by default)
 * @param visit          the visit number, 1 for the first visit
 * @param newVisit       whether this request started a new visit
 * @param consented      the categories the visitor consents to now; always includes {@link Category#NECESSARY}
 * @param consentNeeded  whether the visitor should be asked (no choice yet under the current policy revision)
 * @param savedForm      form fields saved for pre-filling (empty without preferences consent)
 * @param cookiesEnabled whether the browser keeps cookies, as far as the server can tell
 */
public record Visitor(String id, String country, String language, Instant firstSeen, Instant lastSeen, int visit,
                      boolean newVisit, Set<Category> consented, boolean consentNeeded, Map<String, String> savedForm,
                      CookiesEnabled cookiesEnabled) {

    public Visitor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        EnumSet<Category> c = EnumSet.of(Category.NECESSARY);
        c.addAll(Objects.requireNonNull(consented, "consented"));
        consented = Set.copyOf(c);
        savedForm = savedForm == null ? Map.of() : Map.copyOf(savedForm);
        Objects.requireNonNull(cookiesEnabled, "cookiesEnabled");
    }

    /** Whether this visitor came before: the visit number is above 1. */
    public boolean returning() {
        return visit > 1;
    }

    /** Whether the visitor consents to {@code category} now; {@link Category#NECESSARY} always. */
    public boolean consents(Category category) {
        return consented.contains(category);
    }
}
