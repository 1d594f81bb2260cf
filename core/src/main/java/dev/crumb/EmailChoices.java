package dev.crumb;

import dev.crumb.internal.email.EmailAddresses;
import dev.crumb.internal.email.UnsubscribeTokens;
import dev.crumb.internal.visitor.VisitorHasher;
import dev.crumb.store.EmailRegistry;
import java.time.Clock;
import java.util.Objects;

/**
 * Marketing email choices: record an opt-in from a form's (never pre-ticked) checkbox, ask whether an
 * address may receive promotions, and make unsubscribe links. The store keeps only keyed hashes of
 * addresses; "reply only" forms never call {@link #optIn}. Thread-safe: keep one and use it from
 * request threads and batch jobs alike. Get it from {@link Crumb#emails} or {@link CrumbFilter#emails()}.
 */
public final class EmailChoices {

    private final EmailRegistry registry;
    private final VisitorHasher hasher;
    private final UnsubscribeTokens tokens;
    private final Clock clock;
    private final int policyRevision;
    private final String unsubscribePath;

    /** Built by the filter; applications obtain it, they do not construct it. */
    EmailChoices(EmailRegistry registry, VisitorHasher hasher, UnsubscribeTokens tokens, Clock clock, int policyRevision,
                 String unsubscribePath) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policyRevision = policyRevision;
        this.unsubscribePath = Objects.requireNonNull(unsubscribePath, "unsubscribePath");
    }

    /**
     * Records that {@code address} opted in to marketing email on the form {@code formName}, under the
     * current policy revision. Call it only when the visitor ticked the opt-in box.
     *
     * @throws IllegalArgumentException when the address is not plausibly an email address
     */
    public void optIn(String address, String formName) {
        requirePlausible(address);
        String form = formName == null || formName.isBlank() ? "unnamed" : formName.strip();
        registry.optIn(hasher.addressKey(address), clock.instant(), policyRevision, form.length() > 64 ? form.substring(0, 64) : form);
    }

    /** Whether {@code address} may receive promotions now: it opted in and did not unsubscribe since. */
    public boolean mayEmail(String address) {
        return EmailAddresses.plausible(address) && registry.mayEmail(hasher.addressKey(address));
    }

    /** Puts {@code address} on the suppression list. Idempotent. */
    public void suppress(String address) {
        requirePlausible(address);
        registry.suppress(hasher.addressKey(address), clock.instant());
    }

    /** The site-relative unsubscribe link for an email to {@code address}, e.g. for a {@code List-Unsubscribe} header. */
    public String unsubscribeLink(String address) {
        requirePlausible(address);
        return unsubscribePath + "?token=" + tokens.issue(hasher.addressKey(address));
    }

    private static void requirePlausible(String address) {
        if (!EmailAddresses.plausible(address)) {
            throw new IllegalArgumentException("not an email address; check the form's email field before recording a choice");
        }
    }
}
