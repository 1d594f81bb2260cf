package dev.crumb;

import dev.crumb.internal.CrumbEngine;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The one servlet filter a site adds to use Crumb. Map it to {@code /*} ahead of the application's
 * servlets. It reads and renews the encrypted visitor cookie, serves the library's pages below
 * {@code /crumb}, and makes the visitor available to the application through {@link Crumb#visitor}.
 *
 * <p>Configure it either in code, {@code new CrumbFilter(CrumbConfig.builder()...build())}, or in
 * {@code web.xml} with init-params (see {@code docs/configuration.md}); a configuration mistake fails
 * {@link #init} with a message that names the option.
 */
public final class CrumbFilter implements Filter {

    private CrumbConfig config;
    private volatile CrumbEngine engine;
    private volatile TrackingMetrics finalMetrics = TrackingMetrics.NONE;
    private volatile ConsentDefaultMetrics finalDefaultMetrics = ConsentDefaultMetrics.NONE;

    /** For {@code web.xml}: the configuration comes from init-params in {@link #init}. */
    public CrumbFilter() {
    }

    /** For code: the configuration is given; init-params are ignored. */
    public CrumbFilter(CrumbConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            CrumbConfig effective = config != null ? config
                    : CrumbConfig.fromInitParameters(filterConfig::getInitParameter, System.getenv());
            engine = new CrumbEngine(effective);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ServletException("Crumb is not configured correctly: " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CrumbEngine running = engine;
        if (running == null) {
            throw new IllegalStateException("CrumbFilter was not initialised; the container must call init() first");
        }
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            running.handle(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * Marketing email choices, for code outside requests (a newsletter job asking {@code mayEmail}).
     *
     * @throws IllegalStateException before {@link #init} or when no store is configured
     */
    public EmailChoices emails() {
        CrumbEngine running = engine;
        if (running == null || running.emails() == null) {
            throw new IllegalStateException("email choices need an initialised filter with a store: configure "
                    + "CrumbConfig.builder().store(...)");
        }
        return running.emails();
    }

    /**
     * The page-view pipeline's counters: recorded, written, dropped, failed writes, queued. All zero
     * before {@link #init} and when tracking is off; after {@link #destroy}, the final counts.
     */
    public TrackingMetrics metrics() {
        CrumbEngine running = engine;
        return running == null ? finalMetrics : running.trackingMetrics();
    }

    /**
     * How consent defaults are recorded: added, already present, dropped, failed writes, queued. All zero
     * before {@link #init} and without a store; after {@link #destroy}, the final counts.
     */
    public ConsentDefaultMetrics consentDefaultMetrics() {
        CrumbEngine running = engine;
        return running == null ? finalDefaultMetrics : running.consentDefaultMetrics();
    }

    @Override
    public void destroy() {
        CrumbEngine running = engine;
        engine = null;
        if (running != null) {
            running.close();
            finalMetrics = running.trackingMetrics();
            finalDefaultMetrics = running.consentDefaultMetrics();
        }
    }
}
