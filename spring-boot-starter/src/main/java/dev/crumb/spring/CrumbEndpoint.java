package dev.crumb.spring;

import dev.crumb.CrumbFilter;
import dev.crumb.TrackingMetrics;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * {@code /actuator/crumb}: the page-view pipeline's counters ({@link TrackingMetrics}: recorded, written,
 * dropped, failed writes, abandoned, queued). Expose it with
 * {@code management.endpoints.web.exposure.include=crumb}.
 */
@Endpoint(id = "crumb")
public class CrumbEndpoint {

    private final FilterRegistrationBean<CrumbFilter> filter;

    CrumbEndpoint(FilterRegistrationBean<CrumbFilter> filter) {
        this.filter = filter;
    }

    /** The counters now. */
    @ReadOperation
    public TrackingMetrics metrics() {
        return filter.getFilter().metrics();
    }
}
