package dev.crumb.internal.email;

import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Html;
import dev.crumb.internal.web.Responses;
import dev.crumb.internal.web.Texts;
import dev.crumb.internal.visitor.VisitorHasher;
import dev.crumb.store.EmailRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET/POST /crumb/unsubscribe}: puts an address on the suppression list, either from a signed
 * link in an email ({@code ?token=…}; also RFC 8058 one-click POSTs from mail providers) or from a form
 * that asks for the address (CSRF-protected). GET never changes anything, so link scanners cannot
 * unsubscribe anyone. Every answer is the same whether the address was known or not.
 */
public final class UnsubscribeEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeEndpoint.class);

    private static final String ASK = """
            <p>{{ask}}</p>
            <form method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="crumb-unsubscribe-email">{{emailLabel}}</label>
            <input id="crumb-unsubscribe-email" name="email" type="email" autocomplete="email" required maxlength="254">
            <div class="actions"><button type="submit">{{button}}</button></div>
            </form>
            """;

    private static final String CONFIRM = """
            <p>{{confirm}}</p>
            <form method="post" action="{{action}}">
            <input type="hidden" name="token" value="{{token}}">
            <div class="actions"><button type="submit">{{button}}</button></div>
            </form>
            """;

    private static final String DONE = """
            <p role="status">{{done}}</p>
            <p><a href="/">{{back}}</a></p>
            """;

    private final EmailRegistry registry;
    private final VisitorHasher hasher;
    private final UnsubscribeTokens tokens;
    private final Clock clock;
    private final String action;

    public UnsubscribeEndpoint(EmailRegistry registry, VisitorHasher hasher, UnsubscribeTokens tokens, Clock clock,
                               String action) {
        this.registry = registry;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.action = action;
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        var request = exchange.request();
        Texts t = exchange.texts();
        Optional<String> fromToken = tokens.verify(request.getParameter("token"));
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            String body = fromToken.isPresent()
                    ? Html.render(CONFIRM, Map.of("action", action, "token", request.getParameter("token"),
                    "confirm", t.get("unsubscribe.confirm"), "button", t.get("unsubscribe.button")))
                    : ask(exchange);
            Responses.page(exchange, 200, t.get("unsubscribe.title"), body);
            return;
        }
        if (fromToken.isPresent()) {
            suppress(exchange, fromToken.get());
            return;
        }
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange, ask(exchange));
            return;
        }
        String address = request.getParameter("email");
        if (!EmailAddresses.plausible(address)) {
            Responses.page(exchange, 400, t.get("unsubscribe.title"),
                    Html.render("<p role=\"alert\">{{problem}}</p>", Map.of("problem", t.get("unsubscribe.enterAddress")))
                    + ask(exchange));
            return;
        }
        suppress(exchange, hasher.addressKey(address));
    }

    private void suppress(Exchange exchange, String addressKey) throws IOException {
        try {
            registry.suppress(addressKey, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not store an unsubscribe request ({}); the visitor was asked to try again", e.getClass().getSimpleName());
            Texts t = exchange.texts();
            Responses.page(exchange, 503, t.get("error.tryLaterTitle"),
                    Html.render("<p>{{body}}</p>", Map.of("body", t.get("error.tryLaterBody"))));
            return;
        }
        LOG.info("an address was added to the email suppression list");
        Texts t = exchange.texts();
        Responses.page(exchange, 200, t.get("unsubscribe.doneTitle"), Html.render(DONE,
                Map.of("done", t.get("unsubscribe.done"), "back", t.get("unsubscribe.back"))));
    }

    private String ask(Exchange exchange) {
        Texts t = exchange.texts();
        return Html.render(ASK, Map.of("action", action, "csrf", exchange.session().csrfToken(),
                "ask", t.get("unsubscribe.ask"), "emailLabel", t.get("unsubscribe.email"),
                "button", t.get("unsubscribe.button")));
    }
}
