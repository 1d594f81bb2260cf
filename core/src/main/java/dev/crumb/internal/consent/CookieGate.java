package dev.crumb.internal.consent;

import dev.crumb.Category;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an application cookie may leave the server: its category must be consented to, or
 * the header must delete the cookie. Every refusal is logged with the cookie's name only — never its
 * value. The first refusal of a name this process sees is logged at INFO with a hint to register it,
 * later ones at DEBUG, so a busy site's log is not flooded.
 */
public final class CookieGate {

    private static final Logger LOG = LoggerFactory.getLogger(CookieGate.class);
    private static final int MAX_REMEMBERED_NAMES = 256;

    private final CookieRegistry registry;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private final java.time.Clock clock;

    public CookieGate(CookieRegistry registry) {
        this(registry, java.time.Clock.systemUTC());
    }

    /** @param clock the time against which an {@code Expires} in the past is judged */
    public CookieGate(CookieRegistry registry, java.time.Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the {@code Set-Cookie} value can only delete its cookie (see {@link SetCookieExpiry}). */
    public boolean deletes(String headerValue) {
        return SetCookieValues.deletes(headerValue, clock.instant());
    }

    /** The registry behind the gate. */
    public CookieRegistry registry() {
        return registry;
    }

    /**
     * Whether a cookie called {@code name} may be set for a visitor who consents to what {@code consents}
     * says; logs the refusal when not.
     */
    public boolean allows(String name, boolean deletes, Predicate<Category> consents) {
        Category category = registry.categoryOf(name);
        if (deletes || category == Category.NECESSARY || consents.test(category)) {
            return true;
        }
        String shown = SetCookieValues.loggable(name);
        if (reported.size() < MAX_REMEMBERED_NAMES && reported.add(shown)) {
            LOG.info("suppressed cookie '{}' ({}): the visitor has not consented to that category{}", shown,
                    category.id(), registry.rules().stream().anyMatch(r -> r.matches(name)) ? ""
                            : "; it is not registered — add it to cookie-categories if it serves another category");
        } else {
            LOG.debug("suppressed cookie '{}' ({}) without consent", shown, category.id());
        }
        return false;
    }
}
