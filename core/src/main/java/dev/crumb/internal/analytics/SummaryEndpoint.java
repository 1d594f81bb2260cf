package dev.crumb.internal.analytics;

import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Responses;
import dev.crumb.store.AnalyticsReader;
import dev.crumb.store.AnalyticsSummary;
import dev.crumb.store.DateRange;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /crumb/analytics/summary?from=YYYY-MM-DD&to=YYYY-MM-DD} (JSON) and
 * {@code GET /crumb/analytics/summary.csv} (CSV, see {@link SummaryCsv}): the aggregated numbers of
 * {@link AnalyticsReader#summary} for a {@link DateRange}. Bad parameters answer 400 with a JSON error
 * naming the parameter; a store that fails answers 503. Aggregates only: nothing per visitor.
 */
final class SummaryEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryEndpoint.class);

    private final AnalyticsReader reader;
    private final Clock clock;
    private final int maxDays;
    private final boolean csv;

    private SummaryEndpoint(AnalyticsReader reader, Clock clock, int maxDays, boolean csv) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxDays = maxDays;
        this.csv = csv;
    }

    /** The JSON form. */
    public static SummaryEndpoint json(AnalyticsReader reader, Clock clock, int maxDays) {
        return new SummaryEndpoint(reader, clock, maxDays, false);
    }

    /** The CSV form. */
    public static SummaryEndpoint csv(AnalyticsReader reader, Clock clock, int maxDays) {
        return new SummaryEndpoint(reader, clock, maxDays, true);
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        HttpServletResponse response = exchange.response();
        DateRange range;
        try {
            range = DateRangeParameters.parse(exchange.request().getParameter("from"), exchange.request().getParameter("to"),
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), maxDays);
        } catch (DateRangeParameters.Invalid e) {
            Map<String, Object> body = AnalystGate.error("bad_request", e.getMessage());
            body.put("parameter", e.parameter());
            Responses.json(response, 400, body);
            return;
        }
        AnalyticsSummary summary;
        try {
            summary = reader.summary(range);
        } catch (RuntimeException e) {
            LOG.warn("the analytics summary failed ({}); answering 503", e.getClass().getSimpleName());
            response.setHeader("Retry-After", "30");
            Responses.json(response, 503, AnalystGate.error("unavailable",
                    "the analytics store did not answer; try again shortly"));
            return;
        }
        if (csv) {
            writeCsv(response, range, SummaryCsv.of(summary));
        } else {
            Responses.json(response, 200, SummaryJson.of(summary));
        }
    }

    private static void writeCsv(HttpServletResponse response, DateRange range, String document) throws IOException {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"crumb-analytics-" + range.from() + "-to-" + range.to() + ".csv\"");
        response.setStatus(200);
        response.setContentType("text/csv;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
