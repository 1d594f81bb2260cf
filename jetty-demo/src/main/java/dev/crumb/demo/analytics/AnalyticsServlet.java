package dev.crumb.demo.analytics;

import dev.crumb.Crumb;
import dev.crumb.Html;
import dev.crumb.demo.web.CrumbHooks;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.SiteTexts;
import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The analytics dashboard at {@code /analytics?from=2026-11-01&to=2026-11-28}, for the site's analysts.
 * Whoever is not signed in through Crumb's analyst login is sent there first and comes back here.
 */
public final class AnalyticsServlet extends HttpServlet {

    /** Crumb's sign-in form. */
    static final String LOGIN_PATH = "/crumb/analytics/login";

    private final AnalyticsReader reader;
    private final Clock clock;
    private final SiteLayout layout;

    /** Creates the servlet reading from {@code reader}; {@code clock} decides what "today" is (UTC). */
    public AnalyticsServlet(AnalyticsReader reader, Clock clock, SiteLayout layout) {
        this.reader = reader;
        this.clock = clock;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Robots-Tag", "noindex");
        if (CrumbHooks.visitor(request).isEmpty() || !Crumb.isAnalyst(request)) {
            response.setHeader("Cache-Control", "no-store");
            HtmlResponse.seeOther(response, LOGIN_PATH + "?return=" + URLEncoder.encode(here(request),
                    StandardCharsets.UTF_8));
            return;
        }
        SiteTexts t = SiteTexts.of(request);
        RangeChoice choice = RangeChoice.parse(request.getParameter("from"), request.getParameter("to"),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)), t);
        AnalyticsSummary summary = reader.summary(choice.range());
        HtmlResponse.send(response, layout.page(request, t.get("analytics.title"), Html.of("%s%s",
                DashboardPage.render(summary, choice.problem(), t), signOut(request, t)), t.lang()));
    }

    private static String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "/analytics" : "/analytics?" + query;
    }

    private static Html signOut(HttpServletRequest request, SiteTexts t) {
        return Html.of("""
                <form class="sign-out" method="post" action="/crumb/analytics/logout">
                  %s
                  <p class="fine-print">%s
                  <button type="submit" class="button button-small button-secondary">%s</button></p>
                </form>""", CrumbHooks.csrfField(request), t.get("analytics.signedIn"), t.get("analytics.signOut"));
    }
}
