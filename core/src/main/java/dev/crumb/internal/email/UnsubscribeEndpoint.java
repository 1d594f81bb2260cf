package dev.crumb.internal.email;

import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Html;
import dev.crumb.internal.web.Responses;
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
            <p>Enter the address that should receive no more news or offers from us.</p>
            <form method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="crumb-unsubscribe-email">Email address</label>
            <input id="crumb-unsubscribe-email" name="email" type="email" autocomplete="email" required maxlength="254">
            <div class="actions"><button type="submit">Unsubscribe</button></div>
            </form>
            """;

    private static final String CONFIRM = """
            <p>Stop sending news and offers to the address this link was sent to?</p>
            <form method="post" action="{{action}}">
            <input type="hidden" name="token" value="{{token}}">
            <div class="actions"><button type="submit">Unsubscribe</button></div>
            </form>
            """;

    private static final String DONE = """
            <p role="status">Done. If this address was on our list, it will receive no more news or offers from us.
            Emails that answer your own questions may still reach you.</p>
            <p><a href="/">Back to the site</a></p>
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
        Optional<String> fromToken = tokens.verify(request.getParameter("token"));
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            String body = fromToken.isPresent()
                    ? Html.render(CONFIRM, Map.of("action", action, "token", request.getParameter("token")))
                    : Html.render(ASK, Map.of("action", action, "csrf", exchange.session().csrfToken()));
            Responses.page(exchange.response(), 200, "Unsubscribe", body);
            return;
        }
        if (fromToken.isPresent()) {
            suppress(exchange, fromToken.get());
            return;
        }
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange.response(),
                    Html.render(ASK, Map.of("action", action, "csrf", exchange.session().csrfToken())));
            return;
        }
        String address = request.getParameter("email");
        if (!EmailAddresses.plausible(address)) {
            Responses.page(exchange.response(), 400, "Unsubscribe", "<p>Please enter an email address.</p>"
                    + Html.render(ASK, Map.of("action", action, "csrf", exchange.session().csrfToken())));
            return;
        }
        suppress(exchange, hasher.addressKey(address));
    }

    private void suppress(Exchange exchange, String addressKey) throws IOException {
        try {
            registry.suppress(addressKey, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not store an unsubscribe request ({}); the visitor was asked to try again", e.getClass().getSimpleName());
            Responses.page(exchange.response(), 503, "Please try again later",
                    "<p>We could not record your request just now. Please try again in a few minutes.</p>");
            return;
        }
        LOG.info("an address was added to the email suppression list");
        Responses.page(exchange.response(), 200, "Unsubscribed", DONE);
    }
}
