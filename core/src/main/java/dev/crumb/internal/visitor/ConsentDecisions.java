package dev.crumb.internal.visitor;

import dev.crumb.internal.consent.ConsentDefaultRecorder;
import dev.crumb.internal.consent.ConsentJournal;
import dev.crumb.internal.consent.ConsentRules;
import dev.crumb.internal.consent.ConsentState;
import dev.crumb.internal.consent.CookieRegistry;
import dev.crumb.internal.consent.SetCookieValues;
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

/**
 * Applies consent decisions: the visitor's explicit choice (proof first, then the cookie, then deleting
 * the cookies of refused categories) and, once per visitor, the default of the region or a browser's
 * refusal signal.
 */
public final class ConsentDecisions {

    private final ConsentRules rules;
    private final ConsentJournal journal;
    private final CookieRegistry registry;
    private final ConsentDefaultRecorder defaults;
    private final Clock clock;

    public ConsentDecisions(ConsentRules rules, ConsentJournal journal, ConsentDefaultRecorder defaults,
                            CookieRegistry registry, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
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
        defaults.flushIfPending(session.payload().visitorId(), before);
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
        defaults.flushIfPending(session.payload().visitorId(), session.consent());
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
     * write a record on every request. No store I/O happens here: the {@link ConsentDefaultRecorder}
     * queues the default once per visitor and default (a replayed cookie finds it already queued or
     * recorded) and writes it in the background. Once it is durable, the visitor's next page puts it into
     * the cookie, so a browser that keeps its cookie is not looked up again; that costs one extra
     * {@code Set-Cookie} in a visitor's life, and only when a store keeps proof. A store failure pauses
     * recording; the page itself is never affected.
     */
    public void recordDefaultOnce(VisitorSession session) {
        if (!journal.keepsProof() || !session.arrivedWithCookie()) {
            return;
        }
        ConsentState state = session.consent();
        if (state.explicit() || state.sameAs(session.payload().consent())) {
            return;
        }
        Instant recordedAt = defaults.offer(session.payload().visitorId(), state);
        if (recordedAt != null) {
            session.replace(session.payload().withConsent(state.toStored(recordedAt)));
        }
    }

    /**
     * As {@link #recordDefaultOnce}, but waits for the store: for the pages that show the visitor the proof
     * of their consent ({@code /crumb/me}), which read the store anyway and must show the default that
     * applies to this very request, recorded, in the log and in the cookie.
     */
    public void recordDefaultNow(VisitorSession session) {
        recordDefaultOnce(session);
        // Only when this visitor's default was queued (now or moments ago) is there anything to wait for.
        defaults.flushIfPending(session.payload().visitorId(), session.consent());
        recordDefaultOnce(session);
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
                // A cookie the application set without a path lives at the directory of the page that set
                // it: within an application deployed at /sample, usually /sample.
                String context = request.getContextPath();
                if (context != null && !context.isEmpty()) {
                    headers.add(SetCookieValues.deletion(name, context));
                }
                String path = registry.pathOf(name);
                if (!"/".equals(path)) {
                    headers.add(SetCookieValues.deletion(name, path));
                }
            }
        }
        return new ArrayList<>(headers);
    }
}
