package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.internal.http.SafeRedirects;
import dev.crumb.internal.visitor.ConsentDecisions;
import dev.crumb.internal.consent.ConsentJournal;
import dev.crumb.internal.consent.ConsentRateLimit;
import dev.crumb.internal.rights.StoredData;
import dev.crumb.internal.visitor.VisitorIds;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /crumb/forget} (CSRF-protected; the {@code /crumb/me} page has the form): erases saved
 * form data, records a withdrawal of every optional category under the old visitor ID, deletes the
 * visitor's optional cookies, and issues a new visitor ID. Redirects (303) to a same-origin
 * {@code return}, by default the "what is kept about me" page, which then shows the fresh state.
 */
public final class ForgetEndpoint implements Endpoint {

    private final ConsentDecisions decisions;
    private final ConsentRateLimit rateLimit;
    private final VisitorIds ids;
    private final String mePath;
    private final StoredData stored;

    /** @param stored erases the old visitor ID's per-visit rows on the server, or {@code null} */
    public ForgetEndpoint(ConsentDecisions decisions, ConsentRateLimit rateLimit, VisitorIds ids, String prefix,
            StoredData stored) {
        this.decisions = decisions;
        this.rateLimit = rateLimit;
        this.ids = ids;
        this.mePath = prefix + "/me";
        this.stored = stored;
    }

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
        if (ConsentEndpoint.tooManyChanges(exchange, rateLimit)) {
            return;
        }
        List<String> deletions;
        String forgotten = exchange.session().payload().visitorId();
        try {
            deletions = decisions.forget(exchange.session(), ids.next(), request);
        } catch (ConsentJournal.ConsentNotRecordedException e) {
            Responses.page(exchange, 503, exchange.texts().get("error.tryLaterTitle"),
                    Html.of("<p>%s</p>", exchange.texts().get("error.tryLaterBody")));
            return;
        }
        if (stored != null) {
            // The withdrawal is on record; now the old ID's visits go (aggregates hold no ID and stay).
            stored.forget(forgotten);
        }
        for (String deletion : deletions) {
            exchange.response().addHeader("Set-Cookie", deletion);
        }
        String target = request.getParameter("return");
        Responses.seeOther(exchange.response(), target == null ? request.getContextPath() + mePath
                : SafeRedirects.sameOriginPath(target, request));
    }
}
