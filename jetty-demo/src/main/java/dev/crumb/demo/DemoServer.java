package dev.crumb.demo;

import dev.crumb.Category;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbConfigException;
import dev.crumb.CrumbFilter;
import dev.crumb.EmailChoices;
import dev.crumb.TrackingMetrics;
import dev.crumb.demo.analytics.AnalyticsServlet;
import dev.crumb.demo.pages.ContactServlet;
import dev.crumb.demo.pages.HomeServlet;
import dev.crumb.demo.pages.PrivacyPolicy;
import dev.crumb.demo.pages.PrivacyServlet;
import dev.crumb.demo.pages.SupportServlet;
import dev.crumb.demo.shop.AccountServlet;
import dev.crumb.demo.shop.CartOwner;
import dev.crumb.demo.shop.CartServlet;
import dev.crumb.demo.shop.CartStore;
import dev.crumb.demo.shop.Catalog;
import dev.crumb.demo.shop.ProductsServlet;
import dev.crumb.demo.shop.RecentlyViewed;
import dev.crumb.demo.web.ErrorPageServlet;
import dev.crumb.demo.web.SecurityHeadersFilter;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.StaticAssetServlet;
import dev.crumb.demo.web.TraceRefusal;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.store.StoreException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The demo site on embedded Jetty: plain servlets in one servlet context behind Crumb's filter, started
 * by {@link #start} and stopped by {@link #close}. The server owns Crumb's store: it opens it on start
 * and closes it once Jetty has stopped, after the filter has written its last page views.
 */
public final class DemoServer implements AutoCloseable {

    private static final int MAX_CARTS = 10_000;


    /** Paths that cannot work without a cookie; Crumb explains that to a browser that blocks it. */
    static final List<String> COOKIE_REQUIRED_PATHS = List.of("/cart", "/account");

    private final Server server;
    private final ServerConnector connector;
    private final CrumbFilter crumb;
    private final CrumbStore store;

    private DemoServer(Server server, ServerConnector connector, CrumbFilter crumb, CrumbStore store) {
        this.server = server;
        this.connector = connector;
        this.crumb = crumb;
        this.store = store;
    }

    /**
     * Opens Crumb's store, starts the site with {@code options} and returns once it accepts requests.
     *
     * @param secrets the cookie keys, hash key and analyst password hash, for Crumb
     * @param clock   the clock every part of the site reads the time from
     * @throws DemoConfigException when Crumb refuses a setting, such as a damaged analyst password hash
     * @throws StoreException      when the store cannot be opened, for example because another demo holds
     *                             the embedded database
     * @throws Exception           when Jetty cannot start, for example because the port is taken
     */
    public static DemoServer start(DemoOptions options, DemoSecrets secrets, Clock clock) throws Exception {
        CrumbStore store = openStore(options.database());
        Server server = new Server();
        try {
            CrumbFilter crumb = new CrumbFilter(crumbConfig(options, secrets, store, clock));
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setPort(options.port());
            server.addConnector(connector);
            // TRACE would echo cookies and credentials: refused for the whole server, not only where Crumb runs.
            server.setHandler(new TraceRefusal(context(options, crumb, store, clock)));
            server.setStopAtShutdown(true);
            // Runs after the context has stopped, and with it Crumb's filter, whose destroy() writes what
            // its tracker still buffers: only then may the store go. Also on Ctrl-C, via the shutdown hook.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStopped(LifeCycle event) {
                    store.close();
                }
            });
            server.start();
            return new DemoServer(server, connector, crumb, store);
        } catch (Exception | Error e) {
            server.stop();
            store.close();
            throw e;
        }
    }

    private static CrumbStore openStore(DemoDatabase database) {
        if (database instanceof DemoDatabase.External external) {
            return CrumbStores.jdbc(external.url(), external.user(), external.password());
        }
        return CrumbStores.h2(((DemoDatabase.Embedded) database).dataDir());
    }

    static CrumbConfig crumbConfig(DemoOptions options, DemoSecrets secrets, CrumbStore store, Clock clock) {
        try {
            return CrumbConfig.builder()
                    .keys(secrets.keys().base64Url())
                    .hashKey(secrets.hashKey().base64Url())
                    .visitTimeout(options.visitTimeout())
                    .policyRevision(options.policyRevision())
                    .countryHeader(options.countryHeader())
                    .controllerName("Crumb Office Supply")
                    .privacyPolicyUrl("/privacy")
                    .languages(options.languages())
                    .store(store)
                    .cookieCategory(RecentlyViewed.COOKIE_NAME, Category.PREFERENCES, RecentlyViewed.COOKIE_PATH)
                    .cookieRequiredPaths(COOKIE_REQUIRED_PATHS)
                    .tracking(true)
                    .trackingPathNormaliser(DemoServer::trackedPath)
                    .analystPasswordHash(secrets.analyst().hash())
                    .clock(clock)
                    .build();
        } catch (CrumbConfigException e) {
            if (e.option().equals("analyst-password-hash")) {
                throw new DemoConfigException(secrets.analyst().hashFile() + " holds no usable password hash ("
                        + e.getMessage() + "); delete it to have a new analyst password generated, or set "
                        + AnalystLogin.ENV, e);
            }
            throw new DemoConfigException("Crumb refused the demo's configuration: " + e.getMessage(), e);
        }
    }

    /**
     * The path Crumb records for a page view. Product pages keep their own paths: the catalog is small
     * and fixed (an unknown ID is a 404, which is not counted), and which products people look at is the
     * most useful thing the dashboard shows, so a {@code /products/{id}} template would only lose it.
     * The analysts' own dashboard is left out, so looking at the numbers does not change them.
     */
    static String trackedPath(String path) {
        if (path.equals("/analytics")) {
            return null;
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static ServletContextHandler context(DemoOptions options, CrumbFilter crumb, CrumbStore store,
                                                 Clock clock) {
        SiteLayout layout = new SiteLayout();
        Catalog catalog = Catalog.officeSupplies();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");

        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        // After the security headers (Crumb's own pages replace the content security policy with theirs)
        // and before every servlet. It serves /crumb/* itself: consent, your data, locale, forget,
        // unsubscribe, the analyst login and the analytics JSON and CSV.
        context.addFilter(new FilterHolder(crumb), "/*", EnumSet.of(DispatcherType.REQUEST));

        context.addServlet(new ServletHolder(new HomeServlet(catalog, layout)), "");
        context.addServlet(new ServletHolder(new ProductsServlet(catalog, layout)), "/products/*");
        context.addServlet(new ServletHolder(
                new CartServlet(catalog, new CartStore(MAX_CARTS), CartOwner.crumbVisitor(), layout)), "/cart");
        context.addServlet(new ServletHolder(new AccountServlet(layout)), "/account");
        context.addServlet(new ServletHolder(new ContactServlet(layout)), "/contact/*");
        context.addServlet(new ServletHolder(new SupportServlet(layout)), "/support/*");
        context.addServlet(new ServletHolder(
                new PrivacyServlet(new PrivacyPolicy(options.policyRevision()), layout)), "/privacy");
        context.addServlet(new ServletHolder(new AnalyticsServlet(store.analytics(), clock, layout)), "/analytics");
        context.addServlet(new ServletHolder(new StaticAssetServlet()), "/static/*");
        context.addServlet(new ServletHolder(new ErrorPageServlet(layout)), "/error");
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/");

        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, "/error");
        context.setErrorHandler(errors);
        return context;
    }

    /** Crumb's store, shared with the seeder of demo data. */
    public CrumbStore store() {
        return store;
    }

    /** Crumb's marketing email choices, as a newsletter job would ask them. */
    public EmailChoices emailChoices() {
        return crumb.emails();
    }

    /** The counters of Crumb's page-view pipeline. */
    public TrackingMetrics trackingMetrics() {
        return crumb.metrics();
    }

    /** The port the site listens on; the chosen one when started with port 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address of the home page, e.g. {@code http://localhost:8080/}. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops the server, letting requests in progress finish; then Crumb writes its buffered page views
     * and the store closes.
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the demo server", e);
        } catch (Exception e) {
            throw new IllegalStateException("the demo server did not stop cleanly", e);
        }
    }

    /** Answers every path no other servlet claims with the site's 404 page. */
    private static final class NotFoundServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
