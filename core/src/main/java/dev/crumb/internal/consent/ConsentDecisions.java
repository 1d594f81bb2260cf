package dev.crumb.internal.consent;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.cookie.CookiePayload;
import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies consent decisions: the visitor's explicit choice (proof first, then the cookie, then deleting
 * the cookies of refused categories) and, once per visitor, the default of the region or a browser's
 * refusal signal.
 */
public final class ConsentDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentDecisions.class);
    private static final java.time.Duration DEFAULTS_PAUSE = java.time.Duration.ofSeconds(30);

    private final ConsentRules rules;
    private final ConsentJournal journal;
    private final CookieRegistry registry;
    private final Clock clock;
    /** After a store failure, defaults are not retried before this epoch millisecond (see recordDefaultOnce). */
    private final java.util.concurrent.atomic.AtomicLong defaultsPausedUntil = new java.util.concurrent.atomic.AtomicLong();

    public ConsentDecisions(ConsentRules rules, ConsentJournal journal, CookieRegistry registry, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The rules these decisions apply. */
    public ConsentRules rules() {
        return rules;
    }

    /**
     * Records the visitor's choice of {@code granted} optional categories: appends it to the consent log
     * (durable before this returns), then puts it into the cookie; a refused {@code preferences} also
     * clears saved form data.
     *
     * @return the {@code Set-Cookie} values that delete the cookies of refused categories the visitor holds
     * @throws ConsentJournal.ConsentNotRecordedException when the log failed; then nothing changed
     */
    public List<String> choose(VisitorSession session, Set<Category> granted, HttpServletRequest request) {
        EnumSet<Category> chosen = EnumSet.of(Category.NECESSARY);
        chosen.addAll(granted);
        ConsentState before = session.consent();
        boolean onlyWithdraws = before.explicit() && before.granted().containsAll(chosen) && !chosen.equals(before.granted());
        ConsentSource source = onlyWithdraws ? ConsentSource.WITHDRAWAL : ConsentSource.BANNER;
        Instant now = clock.instant();
        ConsentState state = new ConsentState(chosen, false, source, rules.policyRevision(), now);
        journal.append(session.payload().visitorId(), state, now, session.refusalSignal());
        CookiePayload next = session.payload().withConsent(state.toStored(now, session.refusalSignal()));
        if (!chosen.contains(Category.PREFERENCES)) {
            next = next.withSavedForm(null);
        }
        session.replace(next);
        return deletionsFor(request, chosen);
    }

    /**
     * Forgets the visitor: records a withdrawal of every optional category under the old visitor ID
     * (durable before this returns), then starts over with {@code newVisitorId}, no saved form data and
     * only necessary cookies, keeping country and language so the site still speaks the visitor's language.
     *
     * @return the {@code Set-Cookie} values that delete every optional cookie the visitor holds
     * @throws ConsentJournal.ConsentNotRecordedException when the log failed; then nothing changed
     */
    public List<String> forget(VisitorSession session, String newVisitorId, HttpServletRequest request) {
        Instant now = clock.instant();
        EnumSet<Category> necessaryOnly = EnumSet.of(Category.NECESSARY);
        ConsentState state = new ConsentState(necessaryOnly, false, ConsentSource.WITHDRAWAL, rules.policyRevision(), now);
        journal.append(session.payload().visitorId(), state, now);
        CookiePayload old = session.payload();
        long second = now.getEpochSecond();
        session.replace(new CookiePayload(newVisitorId, old.country(), old.language(), second, second, 1,
                state.toStored(now), null, null));
        return deletionsFor(request, necessaryOnly);
    }

    /**
     * Records the region default or the browser's refusal the first time it applies to a visitor — and
     * only to one whose browser returned the cookie, so that bots and cookie-blocking browsers do not
     * write a record on every request. The cookie then carries the recorded default, so it is recorded
     * once; that costs one extra {@code Set-Cookie} in a visitor's life, and only when a store keeps
     * proof (without one there is nothing to record and the cookie is left alone). A store failure is
     * logged and retried on the next request; the page itself is not affected.
     */
    public void recordDefaultOnce(VisitorSession session) {
        if (!journal.keepsProof() || !session.arrivedWithCookie()
                || clock.millis() < defaultsPausedUntil.get()) {
            return;
        }
        ConsentState state = session.consent();
        if (state.explicit() || state.sameAs(session.payload().consent())) {
            return;
        }
        Instant now = clock.instant();
        try {
            journal.append(session.payload().visitorId(), state, now);
        } catch (ConsentJournal.ConsentNotRecordedException e) {
            // Do not let every page view of every visitor wait on a store that is down: pause the defaults.
            defaultsPausedUntil.set(clock.millis() + DEFAULTS_PAUSE.toMillis());
            LOG.warn("could not record a {} consent default ({}); defaults are retried after {} on the visitor's next request",
                    state.source().name().toLowerCase(java.util.Locale.ROOT), e.getCause().getClass().getSimpleName(),
                    DEFAULTS_PAUSE);
            return;
        }
        session.replace(session.payload().withConsent(state.toStored(now)));
    }

    /** Deletion headers for every cookie the visitor sent whose category is not granted. */
    List<String> deletionsFor(HttpServletRequest request, Set<Category> granted) {
        Cookie[] held = request.getCookies();
        if (held == null) {
            return List.of();
        }
        Set<String> headers = new LinkedHashSet<>();
        for (Cookie cookie : held) {
            String name = cookie == null ? null : cookie.getName();
            if (!SetCookieValues.safeName(name)) {
                continue;
            }
            Category category = registry.categoryOf(name);
            if (category.optional() && !granted.contains(category)) {
                headers.add(SetCookieValues.deletion(name, "/"));
                String path = registry.pathOf(name);
                if (!"/".equals(path)) {
                    headers.add(SetCookieValues.deletion(name, path));
                }
            }
        }
        return new ArrayList<>(headers);
    }
}
