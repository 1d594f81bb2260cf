package dev.crumb.internal.analytics;

import dev.crumb.Html;
import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Responses;
import dev.crumb.internal.http.SafeRedirects;
import dev.crumb.internal.web.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /crumb/analytics/login}: {@code GET} shows the sign-in form (or, when signed in, links to the
 * numbers and a sign-out button); {@code POST} with {@code user}, {@code password}, {@code csrf} and an
 * optional same-origin {@code return} path checks the password through the guess limiter and, when
 * right, sets the analyst session cookie and redirects (303) to {@code return}. Wrong credentials: 403;
 * too many failures: 429 with {@code Retry-After}; no valid CSRF token: 403 and nothing is checked.
 */
final class LoginEndpoint implements Endpoint {

    private static final String FORM = """
            <form method="post" action="%s">
            <input type="hidden" name="csrf" value="%s">
            <input type="hidden" name="return" value="%s">
            <label for="crumb-user">%s</label>
            <input id="crumb-user" name="user" autocomplete="username" value="analyst" required>
            <label for="crumb-password">%s</label>
            <input id="crumb-password" name="password" type="password" autocomplete="current-password" required>
            <div class="actions"><button type="submit">%s</button></div>
            </form>
            """;

    private static final String SIGNED_IN = """
            <p>%s</p>
            <ul>
            <li><a href="%s/analytics/summary">%s</a></li>
            <li><a href="%s/analytics/summary.csv">%s</a></li>
            <li><a href="%s/analytics/metrics">%s</a></li>
            </ul>
            <form method="post" action="%s/analytics/logout">
            <input type="hidden" name="csrf" value="%s">
            <div class="actions"><button type="submit" class="secondary">%s</button></div>
            </form>
            """;

    private final AnalystAccess access;
    private final String prefix;

    public LoginEndpoint(AnalystAccess access, String prefix) {
        this.access = Objects.requireNonNull(access, "access");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET", "POST");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        if ("POST".equals(exchange.request().getMethod())) {
            signIn(exchange);
        } else if (access.signedIn(exchange.request())) {
            Texts t = exchange.texts();
            Responses.page(exchange, 200, t.get("login.signedInTitle"),
                    signedIn(t, exchange.request().getContextPath() + prefix, exchange.session().csrfToken()));
        } else {
            form(exchange, 200, null);
        }
    }

    private void signIn(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange, Html.EMPTY);
            return;
        }
        String password = request.getParameter("password");
        AnalystAccess.Outcome outcome = access.check(request.getRemoteAddr(), request.getParameter("user"),
                password == null ? null : password.toCharArray());
        if (outcome instanceof AnalystAccess.Outcome.Granted) {
            exchange.response().addHeader("Set-Cookie", access.sessions().signIn(request.isSecure()));
            Responses.seeOther(exchange.response(), target(request.getParameter("return"), request.getContextPath()));
        } else if (outcome instanceof AnalystAccess.Outcome.Limited limited) {
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            exchange.response().setHeader("Retry-After", Long.toString(seconds));
            form(exchange, 429, exchange.texts().format("login.tooMany", seconds));
        } else {
            form(exchange, 403, exchange.texts().get("login.wrong"));
        }
    }

    private static Html signedIn(Texts t, String prefixPath, String csrf) {
        return Html.of(SIGNED_IN, t.get("login.signedIn"), prefixPath, t.get("login.summary"),
                prefixPath, t.get("login.summaryCsv"), prefixPath, t.get("login.metrics"),
                prefixPath, csrf, t.get("login.signOut"));
    }

    private void form(Exchange exchange, int status, String problem) throws IOException {
        Texts t = exchange.texts();
        Html alert = problem == null ? Html.EMPTY : Html.of("<p role=\"alert\"><strong>%s</strong></p>", problem);
        Html body = alert.append(Html.of(FORM, exchange.request().getContextPath() + prefix + "/analytics/login",
                exchange.session().csrfToken(),
                target(exchange.request().getParameter("return"), exchange.request().getContextPath()),
                t.get("login.user"), t.get("login.password"), t.get("login.signIn")));
        Responses.page(exchange, status, t.get("login.title"), body);
    }

    private String target(String requested, String contextPath) {
        String safe = SafeRedirects.sameOriginPath(requested);
        return "/".equals(safe) && (requested == null || !requested.equals("/"))
                ? contextPath + prefix + "/analytics/login" : safe;
    }
}
