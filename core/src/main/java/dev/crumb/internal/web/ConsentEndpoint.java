package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.internal.http.SafeRedirects;
import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.visitor.ConsentDecisions;
import dev.crumb.internal.consent.ConsentJournal.ConsentNotRecordedException;
import dev.crumb.internal.consent.ConsentRateLimit;
import dev.crumb.internal.consent.ConsentRules;
import dev.crumb.internal.consent.ConsentState;
import dev.crumb.internal.cookie.CookiePayload.StoredConsent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /crumb/consent}: the consent page, server-rendered, in the visitor's language, with the
 * current choice and three equal buttons. {@code POST /crumb/consent} with {@code csrf}, the category
 * fields {@code preferences}, {@code analytics}, {@code marketing} ({@code on} or absent), an optional
 * {@code action} ({@code accept-all}, {@code reject-all}, {@code save}) and {@code return}: records the
 * choice durably, then answers 303 to {@code return} when it is a same-origin path, else to {@code /}.
 * Without a valid CSRF token: 403; when the consent log fails: 503. Either way nothing changes.
 */
public final class ConsentEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentEndpoint.class);
    private static final List<Category> OPTIONAL = List.of(Category.PREFERENCES, Category.ANALYTICS, Category.MARKETING);

    private static final String PAGE = """
            <nav class="crumb-links" aria-label="%s">
            <a href="%s">%s</a>
            </nav>
            <p>%s</p>
            %s            <h2 id="crumb-current">%s</h2>
            <p>%s</p>
            %s            <ul aria-labelledby="crumb-current">
            %s</ul>
            <form method="post" action="%s">
            <input type="hidden" name="csrf" value="%s">
            <input type="hidden" name="return" value="%s">
            <fieldset>
            <legend>%s</legend>
            <p><strong>%s</strong> (%s) — %s</p>
            %s</fieldset>
            <div class="actions">
            <button type="submit" name="action" value="save">%s</button>
            <button type="submit" name="action" value="reject-all">%s</button>
            <button type="submit" name="action" value="accept-all">%s</button>
            </div>
            </form>
            """;

    private static final String CHOICE = """
            <p><label for="crumb-%s"><input type="checkbox" id="crumb-%s" name="%s" value="on" \
            aria-describedby="crumb-%s-help"%s> <strong>%s</strong></label>
            <span id="crumb-%s-help" class="note">%s</span></p>
            """;

    private static final String SUMMARY_ITEM = "<li>%s: %s</li>\n";

    private final ConsentDecisions decisions;
    private final ConsentRateLimit rateLimit;
    private final FirstLayer firstLayer;

    /**
     * @param rateLimit  how often a visitor may change their choice
     * @param firstLayer the controller's name and privacy policy link shown on the page
     */
    public ConsentEndpoint(ConsentDecisions decisions, ConsentRateLimit rateLimit, FirstLayer firstLayer) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.firstLayer = Objects.requireNonNull(firstLayer, "firstLayer");
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        if ("POST".equals(exchange.request().getMethod())) {
            decide(exchange);
        } else {
            show(exchange);
        }
    }

    private void show(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        Texts t = exchange.texts();
        ConsentState state = exchange.session().consent();
        Html choices = Html.EMPTY;
        Html summary = Html.EMPTY;
        for (Category c : OPTIONAL) {
            String id = c.id();
            choices = choices.append(Html.of(CHOICE, id, id, id, id, state.grants(c) ? Html.of(" checked") : Html.EMPTY,
                    name(t, c), id, help(t, c)));
            summary = summary.append(Html.of(SUMMARY_ITEM, name(t, c),
                    state.grants(c) ? t.get("consent.on") : t.get("consent.off")));
        }
        String back = SafeRedirects.sameOriginPath(request.getParameter("return"), request);
        Html conflict = state.explicit() && ConsentRules.signalOverrides(
                exchange.session().payload().consent(), exchange.session().refusalSignal())
                ? Html.of("<p id=\"crumb-gpc-conflict\" role=\"note\">%s</p>\n", t.get("consent.gpcConflict"))
                : Html.EMPTY;
        Html body = Html.of(PAGE, t.get("consent.title"), back, t.get("consent.back"),
                ConsentWording.intro(t, state),
                firstLayer.html(t, request.getContextPath()),
                t.get("consent.currentHeading"),
                status(t, state, decisions.rules(), exchange.session().payload().consent()),
                conflict, summary,
                request.getRequestURI(), exchange.session().csrfToken(), back,
                t.get("consent.legend"), name(t, Category.NECESSARY), t.get("consent.alwaysOn"), help(t, Category.NECESSARY),
                choices, t.get("consent.save"), t.get("consent.rejectAll"), t.get("consent.acceptAll"));
        Responses.page(exchange, 200, t.get("consent.title"), body);
    }

    private void decide(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        Texts t = exchange.texts();
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange, Html.EMPTY);
            return;
        }
        Set<Category> granted = granted(request);
        if (granted == null) {
            Responses.page(exchange, 400, t.get("consent.title"),
                    Html.of("<p>%s</p>", t.get("consent.unknownAction")));
            return;
        }
        if (tooManyChanges(exchange, rateLimit)) {
            return;
        }
        List<String> deletions;
        try {
            deletions = decisions.choose(exchange.session(), granted, request);
        } catch (ConsentNotRecordedException e) {
            LOG.error("consent decision refused with 503: {}", e.getMessage());
            exchange.response().setHeader("Retry-After", "30");
            Responses.page(exchange, 503, t.get("consent.unavailableTitle"), Html.of("<p>%s</p>", t.get("consent.unavailableBody")));
            return;
        }
        for (String deletion : deletions) {
            exchange.response().addHeader("Set-Cookie", deletion);
        }
        // The fragment reveals the confirmation on the page returned to and moves focus to it (ConsentBanner).
        Responses.seeOther(exchange.response(), SafeRedirects.sameOriginPath(request.getParameter("return"), request)
                + "#" + ConsentBanner.SAVED_FRAGMENT);
    }

    /**
     * Answers 429 and returns {@code true} when the visitor changed their consent too often lately; then
     * nothing is recorded and the cookie stays as it was.
     */
    static boolean tooManyChanges(Exchange exchange, ConsentRateLimit rateLimit) throws IOException {
        Optional<Duration> wait = rateLimit.take(exchange.session().payload().visitorId());
        if (wait.isEmpty()) {
            return false;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        exchange.response().setHeader("Retry-After", Long.toString(seconds));
        Texts t = exchange.texts();
        Responses.page(exchange, 429, t.get("consent.tooManyTitle"), Html.of("""
                <p>%s</p>
                <p>%s</p>
                """, t.get("consent.tooManyBody"), t.format("consent.tooManyRetry", seconds)));
        return true;
    }

    /** The categories the form grants, or {@code null} for an unknown action. */
    private static Set<Category> granted(HttpServletRequest request) {
        String action = request.getParameter("action");
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        if ("accept-all".equals(action)) {
            granted.addAll(OPTIONAL);
        } else if ("reject-all".equals(action)) {
            return granted;
        } else if (action == null || action.isEmpty() || "save".equals(action)) {
            for (Category c : OPTIONAL) {
                if ("on".equalsIgnoreCase(request.getParameter(c.id()))) {
                    granted.add(c);
                }
            }
        } else {
            return null;
        }
        return granted;
    }

    private static String status(Texts t, ConsentState state, ConsentRules rules, StoredConsent stored) {
        if (state.explicit() && !state.needed()) {
            return t.format("consent.chosenOn", t.date(state.decidedAt()));
        }
        boolean lapsed = stored != null && stored.source() >= 0 && stored.source() < ConsentSource.values().length
                && ConsentState.isExplicit(ConsentSource.values()[stored.source()])
                && stored.policyRevision() >= rules.policyRevision() && rules.lapsed(stored);
        return t.format(lapsed ? "consent.choiceLapsed" : "consent.notChosen",
                state.source() == ConsentSource.GPC ? t.get("consent.gpcRefusal") : t.get("consent.regionDefault"));
    }

    /** The name of a category. */
    static String name(Texts t, Category category) {
        return t.get("category." + category.id());
    }

    /** What a category is for. */
    static String help(Texts t, Category category) {
        return t.get("category." + category.id() + ".help");
    }
}
