package dev.crumb.internal.analytics;

import dev.crumb.Html;
import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Responses;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /crumb/analytics/logout} with {@code csrf}: ends the analyst session on the server — every
 * analyst session that began before now, on every server of the store (see {@link AnalystSignOuts}) —
 * removes the cookie and redirects (303) to the sign-in page. Only a signed-in analyst can end sessions;
 * anyone else just loses the cookie. Without a valid CSRF token: 403, and the session stays. When the
 * store cannot record the sign-out: 503, the cookie is removed and this server has ended the sessions.
 */
final class LogoutEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LogoutEndpoint.class);

    private final AnalystAccess access;
    private final String prefix;

    public LogoutEndpoint(AnalystAccess access, String prefix) {
        this.access = Objects.requireNonNull(access, "access");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public Set<String> methods() {
        return Set.of("POST");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        if (!exchange.session().validCsrfToken(exchange.request().getParameter("csrf"))) {
            Responses.formExpired(exchange, Html.EMPTY);
            return;
        }
        exchange.response().addHeader("Set-Cookie", access.sessions().signOut(exchange.request().isSecure()));
        if (access.signedIn(exchange.request())) {
            try {
                access.sessions().endAll();
            } catch (RuntimeException e) {
                LOG.warn("analyst sign-out not recorded in the store ({}); other servers keep the session until"
                        + " it expires", e.getClass().getSimpleName());
                exchange.response().setHeader("Retry-After", "30");
                Responses.page(exchange, 503, exchange.texts().get("logout.incompleteTitle"),
                        Html.of("<p>%s</p>", exchange.texts().get("logout.incompleteBody")));
                return;
            }
            LOG.info("analyst signed out; earlier analyst sessions are ended on every server");
        }
        Responses.seeOther(exchange.response(), exchange.request().getContextPath() + prefix + "/analytics/login");
    }
}
