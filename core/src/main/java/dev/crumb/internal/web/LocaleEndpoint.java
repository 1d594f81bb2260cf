package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.internal.http.SafeRedirects;
import java.io.IOException;
import java.util.Set;

/**
 * {@code POST /crumb/locale} with {@code country}, {@code language}, {@code csrf} and {@code return}:
 * records the visitor's explicit choice and redirects (303) back to {@code return} when it is a
 * same-origin path, else to {@code /}. Without a valid CSRF token: 403 and nothing changes.
 */
public final class LocaleEndpoint implements Endpoint {

    @Override
    public Set<String> methods() {
        return Set.of("POST");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        var request = exchange.request();
        if (!exchange.session().validCsrfToken(request.getParameter("csrf"))) {
            Responses.formExpired(exchange, Html.EMPTY);
            return;
        }
        try {
            exchange.session().chooseLocale(request.getParameter("country"), request.getParameter("language"));
        } catch (IllegalArgumentException e) {
            Responses.page(exchange, 400, exchange.texts().get("locale.unknownTitle"),
                    Html.of("<p>%s</p>", exchange.texts().get("locale.unknownBody")));
            return;
        }
        Responses.seeOther(exchange.response(), SafeRedirects.sameOriginPath(request.getParameter("return"), request));
    }
}
