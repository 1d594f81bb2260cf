package dev.crumb.demo.analytics;

import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The analytics dashboard at {@code /analytics?from=2026-11-01&to=2026-11-28}, for the site's analysts. */
public final class AnalyticsServlet extends HttpServlet {

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
        // crumb: the library's analyst login guards this path; a request without a valid login never
        // gets here.
        DateRange.Choice choice = DateRange.parse(request.getParameter("from"), request.getParameter("to"),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        AnalyticsSummary summary = reader.summary(choice.range().from(), choice.range().to());
        response.setHeader("X-Robots-Tag", "noindex");
        HtmlResponse.send(response, layout.page(request, "Site analytics",
                DashboardPage.render(summary, choice.problem())));
    }
}
