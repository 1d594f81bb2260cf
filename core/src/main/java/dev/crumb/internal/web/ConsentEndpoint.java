package dev.crumb.internal.web;

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
import java.util.Map;
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
            <nav class="crumb-links" aria-label="{{title}}">
            <a href="{{back}}">{{backText}}</a>
            </nav>
            <p>{{intro}}</p>
            {{{firstLayer}}}            <h2 id="crumb-current">{{currentHeading}}</h2>
            <p>{{status}}</p>
            {{{conflict}}}            <ul aria-labelledby="crumb-current">
            {{{summary}}}</ul>
            <form method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <input type="hidden" name="return" value="{{return}}">
            <fieldset>
            <legend>{{legend}}</legend>
            <p><strong>{{necessary}}</strong> ({{alwaysOn}}) — {{necessaryHelp}}</p>
            {{{choices}}}</fieldset>
            <div class="actions">
            <button type="submit" name="action" value="save">{{save}}</button>
            <button type="submit" name="action" value="reject-all">{{rejectAll}}</button>
            <button type="submit" name="action" value="accept-all">{{acceptAll}}</button>
            </div>
            </form>
            """;

    private static final String CHOICE = """
            <p><label for="crumb-{{id}}"><input type="checkbox" id="crumb-{{id}}" name="{{id}}" value="on" \
            aria-describedby="crumb-{{id}}-help"{{{checked}}}> <strong>{{name}}</strong></label>
            <span id="crumb-{{id}}-help" class="note">{{help}}</span></p>
            """;

    private static final String SUMMARY_ITEM = "<li>{{name}}: {{state}}</li>\n";

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
        StringBuilder choices = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        for (Category c : OPTIONAL) {
            choices.append(Html.render(CHOICE, Map.of("id", c.id(), "name", name(t, c), "help", help(t, c),
                    "checked", state.grants(c) ? " checked" : "")));
            summary.append(Html.render(SUMMARY_ITEM, Map.of("name", name(t, c),
                    "state", state.grants(c) ? t.get("consent.on") : t.get("consent.off"))));
        }
        String back = SafeRedirects.sameOriginPath(request.getParameter("return"), request);
        String body = Html.render(PAGE, Map.ofEntries(
                Map.entry("title", t.get("consent.title")),
                Map.entry("back", back), Map.entry("backText", t.get("consent.back")),
                Map.entry("intro", ConsentWording.intro(t, state)),
                Map.entry("firstLayer", firstLayer.html(t, request.getContextPath())),
                Map.entry("currentHeading", t.get("consent.currentHeading")),
                Map.entry("status", status(t, state, decisions.rules(), exchange.session().payload().consent())),
                Map.entry("conflict", state.explicit() && ConsentRules.signalOverrides(
                        exchange.session().payload().consent(), exchange.session().refusalSignal())
                        ? Html.render("<p id=\"crumb-gpc-conflict\" role=\"note\">{{text}}</p>\n",
                                Map.of("text", t.get("consent.gpcConflict")))
                        : ""),
                Map.entry("summary", summary.toString()),
                Map.entry("action", request.getRequestURI()),
                Map.entry("csrf", exchange.session().csrfToken()),
                Map.entry("return", back),
                Map.entry("legend", t.get("consent.legend")), Map.entry("necessary", name(t, Category.NECESSARY)),
                Map.entry("alwaysOn", t.get("consent.alwaysOn")), Map.entry("necessaryHelp", help(t, Category.NECESSARY)),
                Map.entry("choices", choices.toString()), Map.entry("save", t.get("consent.save")),
                Map.entry("rejectAll", t.get("consent.rejectAll")), Map.entry("acceptAll", t.get("consent.acceptAll"))));
        Responses.page(exchange, 200, t.get("consent.title"), body);
    }

    private void decide(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        Texts t = exchange.texts();
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange, "");
            return;
        }
        Set<Category> granted = granted(request);
        if (granted == null) {
            Responses.page(exchange, 400, t.get("consent.title"),
                    Html.render("<p>{{body}}</p>", Map.of("body", t.get("consent.unknownAction"))));
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
            Responses.page(exchange, 503, t.get("consent.unavailableTitle"), Html.render("<p>{{body}}</p>",
                    Map.of("body", t.get("consent.unavailableBody"))));
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
        Responses.page(exchange, 429, t.get("consent.tooManyTitle"), Html.render("""
                <p>{{body}}</p>
                <p>{{retry}}</p>
                """, Map.of("body", t.get("consent.tooManyBody"),
                "retry", t.format("consent.tooManyRetry", seconds))));
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
