package dev.crumb;

import dev.crumb.internal.CrumbEngine;
import dev.crumb.internal.webxml.LoggingCheck;
import dev.crumb.store.CrumbStore;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one servlet filter a site adds to use Crumb. Map it to {@code /*} ahead of the application's
 * servlets. It reads and renews the encrypted visitor cookie, serves the library's pages below
 * {@code /crumb}, and makes the visitor available to the application through {@link Crumb#visitor}.
 *
 * <p>Configure it either in code, {@code new CrumbFilter(CrumbConfig.builder()...build())}, or in
 * {@code web.xml} with init-params (see {@code docs/configuration.md}); a configuration mistake fails
 * {@link #init} with a message that names the option, and so does an init-param Crumb does not know.
 *
 * <p><b>Who closes the store.</b> A store given through {@link CrumbConfig.Builder#store} stays the
 * caller's: {@link #destroy} writes the buffered page views to it and leaves it open, for the caller to
 * close afterwards. A store the filter opened itself from {@code store-url} or {@code store-jndi} is closed
 * by {@link #destroy} (a container's JNDI pool is left to the container).
 *
 * <p><b>Stopping the JVM.</b> From {@link #init} to {@link #destroy} the filter holds a JVM shutdown hook,
 * so SIGTERM or Ctrl-C writes the buffered page views even where the container does not stop its
 * applications; when it does, whichever comes first does the work once.
 */
public final class CrumbFilter implements Filter {

    private CrumbConfig config;
    private volatile CrumbEngine engine;
    private volatile boolean destroyed;
    private volatile TrackingMetrics finalMetrics = TrackingMetrics.NONE;
    private volatile ConsentDefaultMetrics finalDefaultMetrics = ConsentDefaultMetrics.NONE;
    private CrumbStore ownedStore;
    private Thread shutdownHook;

    /** For {@code web.xml}: the configuration comes from init-params in {@link #init}. */
    public CrumbFilter() {
    }

    /** For code: the configuration is given; init-params are ignored. */
    public CrumbFilter(CrumbConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        // A filter built with a configuration may be started by code with no FilterConfig at all.
        ServletContext context = filterConfig == null ? null : filterConfig.getServletContext();
        LoggingCheck.warnIfSilent(context == null ? null : context::log);
        if (config == null && filterConfig == null) {
            throw new ServletException("Crumb has no configuration: give CrumbFilter a CrumbConfig, or init-params in web.xml");
        }
        CrumbStore opened = null;
        try {
            CrumbConfig effective = config;
            if (effective == null) {
                Map<String, String> given = new LinkedHashMap<>();
                for (String name : Collections.list(filterConfig.getInitParameterNames())) {
                    given.put(name, filterConfig.getInitParameter(name));
                }
                opened = CrumbStores.fromParameters(given::get);
                effective = CrumbConfig.fromParameters(given, opened);
            }
            engine = new CrumbEngine(effective.settings(), context == null ? "" : context.getContextPath());
            ownedStore = opened;
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            throw new ServletException("Crumb is not configured correctly: " + e.getMessage(), e);
        }
        shutdownHook = new Thread(this::destroy, "crumb-shutdown");
        // Not the application's class loader: a container stopping on the same signal would otherwise
        // report this thread, still finishing, as a leak of the application.
        shutdownHook.setContextClassLoader(null);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CrumbEngine running = engine;
        if (running == null) {
            if (destroyed && response instanceof HttpServletResponse stopping) {
                // Between stop and exit: without Crumb, consent would go unenforced, so answer nothing else.
                stopping.setHeader("Retry-After", "5");
                stopping.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "stopping");
                return;
            }
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
        if (running == null) {
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

    /**
     * Stops the filter: writes the buffered page views (waiting at most {@code tracking-shutdown-wait}) and
     * closes the store the filter opened itself; a store given to the builder stays open for its owner.
     */
    @Override
    public synchronized void destroy() {
        CrumbEngine running = engine;
        engine = null;
        destroyed = true;
        if (running != null) {
            running.close();
            finalMetrics = running.trackingMetrics();
            finalDefaultMetrics = running.consentDefaultMetrics();
        }
        if (ownedStore != null) {
            ownedStore.close();
            ownedStore = null;
        }
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyStopping) {
                // The JVM is exiting and the hook is running or about to: it will find nothing left to do.
            }
        }
    }
}
