package dev.crumb.internal.web;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.internal.consent.ConsentDecisions;
import dev.crumb.internal.consent.ConsentJournal.ConsentNotRecordedException;
import dev.crumb.internal.consent.ConsentRateLimit;
import dev.crumb.internal.consent.ConsentRules;
import dev.crumb.internal.consent.ConsentState;
import dev.crumb.internal.consent.ConsentTexts;
import dev.crumb.internal.cookie.CookiePayload.StoredConsent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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

    /** @param firstLayer the controller's name and privacy policy link shown on the page */
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
        ConsentTexts t = texts(exchange);
        ConsentState state = exchange.session().consent();
        StringBuilder choices = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        for (Category c : OPTIONAL) {
            choices.append(Html.render(CHOICE, Map.of("id", c.id(), "name", t.name(c), "help", t.help(c),
                    "checked", state.grants(c) ? " checked" : "")));
            summary.append(Html.render(SUMMARY_ITEM, Map.of("name", t.name(c), "state", state.grants(c) ? t.on() : t.off())));
        }
        String body = Html.render(PAGE, Map.ofEntries(
                Map.entry("intro", t.introFor(state)),
                Map.entry("firstLayer", firstLayer.html(t, request.getContextPath())), Map.entry("currentHeading", t.currentHeading()),
                Map.entry("status", status(t, state, decisions.rules(), exchange.session().payload().consent())),
                Map.entry("conflict", state.explicit() && ConsentRules.signalOverrides(
                        exchange.session().payload().consent(), exchange.session().refusalSignal())
                        ? Html.render("<p id=\"crumb-gpc-conflict\" role=\"note\">{{text}}</p>\n", Map.of("text", t.gpcConflict()))
                        : ""), Map.entry("summary", summary.toString()),
                Map.entry("action", request.getRequestURI()),
                Map.entry("csrf", exchange.session().csrfToken()),
                Map.entry("return", SafeRedirects.sameOriginPath(request.getParameter("return"), request)),
                Map.entry("legend", t.legend()), Map.entry("necessary", t.necessary()),
                Map.entry("alwaysOn", t.alwaysOn()), Map.entry("necessaryHelp", t.necessaryHelp()),
                Map.entry("choices", choices.toString()), Map.entry("save", t.save()),
                Map.entry("rejectAll", t.rejectAll()), Map.entry("acceptAll", t.acceptAll())));
        Responses.page(exchange.response(), 200, t.lang(), t.title(), body);
    }

    private void decide(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        ConsentTexts t = texts(exchange);
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.page(exchange.response(), 403, t.lang(), t.expiredTitle(), Html.render("<p>{{body}}</p>",
                    Map.of("body", t.expiredBody())));
            return;
        }
        Set<Category> granted = granted(request);
        if (granted == null) {
            Responses.page(exchange.response(), 400, t.lang(), t.title(),
                    "<p>Unknown action: use accept-all, reject-all or save.</p>");
            return;
        }
        if (tooManyChanges(exchange, rateLimit, t.lang())) {
            return;
        }
        List<String> deletions;
        try {
            deletions = decisions.choose(exchange.session(), granted, request);
        } catch (ConsentNotRecordedException e) {
            LOG.error("consent decision refused with 503: {}", e.getMessage());
            exchange.response().setHeader("Retry-After", "30");
            Responses.page(exchange.response(), 503, t.lang(), t.unavailableTitle(), Html.render("<p>{{body}}</p>",
                    Map.of("body", t.unavailableBody())));
            return;
        }
        for (String deletion : deletions) {
            exchange.response().addHeader("Set-Cookie", deletion);
        }
        Responses.seeOther(exchange.response(), SafeRedirects.sameOriginPath(request.getParameter("return"), request));
    }

    /**
     * Answers 429 and returns {@code true} when the visitor changed their consent too often lately; then
     * nothing is recorded and the cookie stays as it was.
     */
    static boolean tooManyChanges(Exchange exchange, ConsentRateLimit rateLimit, String lang) throws IOException {
        Optional<Duration> wait = rateLimit.take(exchange.session().payload().visitorId());
        if (wait.isEmpty()) {
            return false;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        exchange.response().setHeader("Retry-After", Long.toString(seconds));
        Responses.page(exchange.response(), 429, lang, "Too many changes", Html.render("""
                <p>Your cookie choices have changed many times in a short while, so this change was not saved.
                Your previous choice still applies.</p>
                <p>Please try again in {{seconds}} seconds.</p>
                """, Map.of("seconds", Long.toString(seconds))));
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

    private static String status(ConsentTexts t, ConsentState state, ConsentRules rules, StoredConsent stored) {
        if (state.explicit() && !state.needed()) {
            return t.chosenOn() + state.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ".";
        }
        boolean lapsed = stored != null && stored.source() >= 0 && stored.source() < ConsentSource.values().length
                && ConsentState.isExplicit(ConsentSource.values()[stored.source()])
                && stored.policyRevision() >= rules.policyRevision() && rules.lapsed(stored);
        return (lapsed ? t.choiceLapsed() : t.notChosen())
                + (state.source() == ConsentSource.GPC ? t.gpcRefusal() : t.regionDefault());
    }

    private static ConsentTexts texts(Exchange exchange) {
        return ConsentTexts.of(exchange.session().payload().language().toLowerCase(Locale.ROOT));
    }
}
