package dev.crumb.internal.analytics;

import dev.crumb.TrackingMetrics;
import dev.crumb.internal.web.Endpoint;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.Responses;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/** {@code GET /crumb/analytics/metrics}: the page-view pipeline's {@link TrackingMetrics} as JSON. */
final class MetricsEndpoint implements Endpoint {

    private final Supplier<TrackingMetrics> metrics;

    public MetricsEndpoint(Supplier<TrackingMetrics> metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        TrackingMetrics m = metrics.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recorded", m.recorded());
        json.put("written", m.written());
        json.put("dropped", m.dropped());
        json.put("failedWrites", m.failedWrites());
        json.put("abandoned", m.abandoned());
        json.put("queued", m.queued());
        Responses.json(exchange.response(), 200, json);
    }
}
