package dev.crumb.internal.analytics;

import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Responses;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /crumb/analytics/logout} with {@code csrf}: removes the analyst session cookie and
 * redirects (303) to the sign-in page. Without a valid CSRF token: 403, and the session stays.
 */
public final class LogoutEndpoint implements Endpoint {

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
            Responses.formExpired(exchange, "");
            return;
        }
        exchange.response().addHeader("Set-Cookie", access.sessions().signOut(exchange.request().isSecure()));
        Responses.seeOther(exchange.response(), prefix + "/analytics/login");
    }
}
