package dev.crumb.internal.analytics;

import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Responses;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lets only the analyst through to an endpoint: a valid session cookie or Basic credentials. Without
 * them, 401 with {@code WWW-Authenticate: Basic realm="Crumb analytics"}; after too many failures, 429
 * with {@code Retry-After}. Both answer in JSON, since the endpoints behind the gate are for scripts.
 */
final class AnalystGate implements Endpoint {

    /** The Basic realm. */
    public static final String REALM = "Crumb analytics";

    private final AnalystAccess access;
    private final Endpoint inner;

    public AnalystGate(AnalystAccess access, Endpoint inner) {
        this.access = Objects.requireNonNull(access, "access");
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public Set<String> methods() {
        return inner.methods();
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        AnalystAccess.Outcome outcome = access.authenticate(exchange.request());
        if (outcome instanceof AnalystAccess.Outcome.Granted) {
            inner.handle(exchange);
        } else if (outcome instanceof AnalystAccess.Outcome.Limited limited) {
            tooManyAttempts(exchange, limited);
        } else {
            exchange.response().setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            Responses.json(exchange.response(), 401, error("unauthorized",
                    "sign in as the analyst: HTTP Basic with user 'analyst', or the login form at /analytics/login"));
        }
    }

    static void tooManyAttempts(Exchange exchange, AnalystAccess.Outcome.Limited limited) throws IOException {
        long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
        exchange.response().setHeader("Retry-After", Long.toString(seconds));
        Responses.json(exchange.response(), 429, error("too_many_attempts",
                "too many failed sign-ins; try again in " + seconds + " seconds"));
    }

    static Map<String, Object> error(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        return m;
    }
}
