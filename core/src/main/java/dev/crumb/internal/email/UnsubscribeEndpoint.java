package dev.crumb.internal.email;

import dev.crumb.Html;
import dev.crumb.EmailChoices;
import dev.crumb.UnsubscribeConfirmations;
import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Responses;
import dev.crumb.internal.web.Texts;
import dev.crumb.store.EmailRegistry;
import java.io.IOException;
import java.time.Clock;
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
final class UnsubscribeEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeEndpoint.class);

    private static final String USE_THE_LINK = """
            <p>%s</p>
            <p>%s</p>
            """;

    private static final String ASK = """
            <p>%s</p>
            <form method="post" action="%s">
            <input type="hidden" name="csrf" value="%s">
            <label for="crumb-unsubscribe-email">%s</label>
            <input id="crumb-unsubscribe-email" name="email" type="email" autocomplete="email" required maxlength="254">
            <div class="actions"><button type="submit">%s</button></div>
            </form>
            """;

    private static final String SENT = """
            <p role="status">%s</p>
            <p><a href="%s">%s</a></p>
            """;

    private static final String CONFIRM = """
            <p>%s</p>
            <form method="post" action="%s">
            <input type="hidden" name="token" value="%s">
            <div class="actions"><button type="submit">%s</button></div>
            </form>
            """;

    private static final String DONE = """
            <p role="status">%s</p>
            <p><a href="%s">%s</a></p>
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
        Texts t = exchange.texts();
        Optional<String> fromToken = tokens.verify(request.getParameter("token"));
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            Html body = fromToken.isPresent()
                    ? Html.of(CONFIRM, t.get("unsubscribe.confirm"), action, request.getParameter("token"),
                    t.get("unsubscribe.button"))
                    : withoutToken(exchange);
            Responses.page(exchange, 200, t.get("unsubscribe.title"), body);
            return;
        }
        if (fromToken.isPresent()) {
            suppress(exchange, fromToken.get());
            return;
        }
        if (request.getParameter("token") != null) {
            Responses.page(exchange, 400, t.get("unsubscribe.title"),
                    Html.of("<p role=\"alert\">%s</p>%s", t.get("unsubscribe.damaged"), withoutToken(exchange)));
            return;
        }
        if (confirmations == null) {
            // Whatever address was posted: nothing changes, and the answer is the page everyone sees.
            Responses.page(exchange, 200, t.get("unsubscribe.title"), useTheLink(t));
            return;
        }
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange, withoutToken(exchange));
            return;
        }
        String address = request.getParameter("email");
        if (!EmailAddresses.plausible(address)) {
            Responses.page(exchange, 400, t.get("unsubscribe.title"),
                    Html.of("<p role=\"alert\">%s</p>%s", t.get("unsubscribe.enterAddress"), withoutToken(exchange)));
            return;
        }
        sendLink(exchange, address.trim());
    }

    private Html withoutToken(Exchange exchange) {
        return confirmations == null ? useTheLink(exchange.texts()) : ask(exchange);
    }

    private static Html useTheLink(Texts t) {
        return Html.of(USE_THE_LINK, t.get("unsubscribe.useLink"), t.get("unsubscribe.notTyped"));
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
        Texts t = exchange.texts();
        Responses.page(exchange, 200, t.get("unsubscribe.title"), Html.of(SENT, t.get("unsubscribe.sent"),
                exchange.request().getContextPath() + "/", t.get("unsubscribe.back")));
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
        Texts t = exchange.texts();
        Responses.page(exchange, 200, t.get("unsubscribe.doneTitle"), Html.of(DONE,
                t.get("unsubscribe.done"), exchange.request().getContextPath() + "/", t.get("unsubscribe.back")));
    }

    private Html ask(Exchange exchange) {
        Texts t = exchange.texts();
        return Html.of(ASK, t.get("unsubscribe.askLink"), action, exchange.session().csrfToken(),
                t.get("unsubscribe.email"), t.get("unsubscribe.sendLink"));
    }

    private static void unavailable(Exchange exchange) throws IOException {
        exchange.response().setHeader("Retry-After", "30");
        Texts t = exchange.texts();
        Responses.page(exchange, 503, t.get("error.tryLaterTitle"),
                Html.of("<p>%s</p>", t.get("error.tryLaterBody")));
    }
}
