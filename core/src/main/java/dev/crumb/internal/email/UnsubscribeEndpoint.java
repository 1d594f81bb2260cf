package dev.crumb.internal.email;

import dev.crumb.EmailChoices;
import dev.crumb.UnsubscribeConfirmations;
import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Html;
import dev.crumb.internal.web.Responses;
import dev.crumb.store.EmailRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET/POST /crumb/unsubscribe}: puts an address on the suppression list only through the signed
 * link in an email ({@code ?token=…}; GET shows a confirmation, POST suppresses; also RFC 8058 one-click
 * POSTs from mail providers). GET never changes anything, so link scanners cannot unsubscribe anyone.
 *
 * <p>Without a token nothing is ever suppressed: anybody could type anybody's address. When the site
 * configured {@link UnsubscribeConfirmations}, the page offers a form (CSRF-protected) that mails the
 * address its own unsubscribe link, if it may receive promotions; the answer is the same for every
 * address. Without it the page points to the link in every email, and a posted address changes nothing.
 */
public final class UnsubscribeEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeEndpoint.class);

    private static final String USE_THE_LINK = """
            <p>Every email with news or offers from us has an unsubscribe link at the bottom. Following it stops
            them at once; you do not need to sign in.</p>
            <p>This page cannot stop emails to an address typed in here, because anyone could type anyone's
            address.</p>
            """;

    private static final String ASK = """
            <p>Every email with news or offers from us has an unsubscribe link at the bottom; following it stops
            them at once. No email at hand? Enter your address and we will send it a message with that link.</p>
            <form method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="crumb-unsubscribe-email">Email address</label>
            <input id="crumb-unsubscribe-email" name="email" type="email" autocomplete="email" required maxlength="254">
            <div class="actions"><button type="submit">Send me the unsubscribe link</button></div>
            </form>
            """;

    private static final String SENT = """
            <p role="status">If this address receives news or offers from us, we have sent it an email with a link
            that stops them. Nothing changes until that link is used.</p>
            <p><a href="/">Back to the site</a></p>
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
    private final EmailChoices choices;
    private final UnsubscribeTokens tokens;
    private final Clock clock;
    private final String action;
    private final UnsubscribeConfirmations confirmations;

    /** @param confirmations who mails an address its link when asked, or {@code null}: no form */
    public UnsubscribeEndpoint(EmailRegistry registry, EmailChoices choices, UnsubscribeTokens tokens, Clock clock,
                               String action, UnsubscribeConfirmations confirmations) {
        this.registry = registry;
        this.choices = choices;
        this.tokens = tokens;
        this.clock = clock;
        this.action = action;
        this.confirmations = confirmations;
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
                    : withoutToken(exchange);
            Responses.page(exchange.response(), 200, "Unsubscribe", body);
            return;
        }
        if (fromToken.isPresent()) {
            suppress(exchange, fromToken.get());
            return;
        }
        if (request.getParameter("token") != null) {
            Responses.page(exchange.response(), 400, "Unsubscribe",
                    "<p>This unsubscribe link is incomplete or damaged.</p>" + withoutToken(exchange));
            return;
        }
        if (confirmations == null) {
            // Whatever address was posted: nothing changes, and the answer is the page everyone sees.
            Responses.page(exchange.response(), 200, "Unsubscribe", USE_THE_LINK);
            return;
        }
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange.response(), withoutToken(exchange));
            return;
        }
        String address = request.getParameter("email");
        if (!EmailAddresses.plausible(address)) {
            Responses.page(exchange.response(), 400, "Unsubscribe", "<p>Please enter an email address.</p>"
                    + withoutToken(exchange));
            return;
        }
        sendLink(exchange, address.trim());
    }

    private String withoutToken(Exchange exchange) {
        return confirmations == null ? USE_THE_LINK
                : Html.render(ASK, Map.of("action", action, "csrf", exchange.session().csrfToken()));
    }

    private void sendLink(Exchange exchange, String address) throws IOException {
        boolean listed;
        try {
            listed = choices.mayEmail(address);
        } catch (RuntimeException e) {
            LOG.warn("could not look up an unsubscribe request ({}); the visitor was asked to try again",
                    e.getClass().getSimpleName());
            unavailable(exchange);
            return;
        }
        if (listed) {
            try {
                confirmations.send(address, choices.unsubscribeLink(address));
            } catch (RuntimeException e) {
                // The answer must not tell whether the address is on the list, so the visitor sees the usual page.
                LOG.warn("the site's UnsubscribeConfirmations failed ({})", e.getClass().getSimpleName());
            }
        }
        Responses.page(exchange.response(), 200, "Unsubscribe", SENT);
    }

    private void suppress(Exchange exchange, String addressKey) throws IOException {
        try {
            registry.suppress(addressKey, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not store an unsubscribe request ({}); the visitor was asked to try again", e.getClass().getSimpleName());
            unavailable(exchange);
            return;
        }
        LOG.info("an address was added to the email suppression list");
        Responses.page(exchange.response(), 200, "Unsubscribed", DONE);
    }

    private static void unavailable(Exchange exchange) throws IOException {
        exchange.response().setHeader("Retry-After", "30");
        Responses.page(exchange.response(), 503, "Please try again later",
                "<p>We could not record your request just now. Please try again in a few minutes.</p>");
    }
}
