package dev.crumb.demo;

import dev.crumb.demo.analytics.AnalyticsServlet;
import dev.crumb.demo.analytics.EmptyAnalyticsReader;
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
import dev.crumb.demo.web.ErrorPageServlet;
import dev.crumb.demo.web.SecurityHeadersFilter;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.StaticAssetServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo site on embedded Jetty: plain servlets in one servlet context, started by
 * {@link #start} and stopped by {@link #close}.
 */
public final class DemoServer implements AutoCloseable {

    private static final int MAX_CARTS = 10_000;

    private final Server server;
    private final ServerConnector connector;

    private DemoServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the site with {@code options} and returns once it accepts requests.
     *
     * @param keys  the cookie keys, for Crumb
     * @param login the analyst login, for Crumb
     * @param clock the clock every part of the site reads the time from
     * @throws Exception when Jetty cannot start, for example because the port is taken
     */
    public static DemoServer start(DemoOptions options, DemoKeys keys, AnalystLogin login, Clock clock)
            throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(context(options, keys, login, clock));
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new DemoServer(server, connector);
    }

    private static ServletContextHandler context(DemoOptions options, DemoKeys keys, AnalystLogin login,
                                                 Clock clock) {
        SiteLayout layout = new SiteLayout();
        Catalog catalog = Catalog.officeSupplies();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");

        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        // crumb: register the library here, after the security headers and before every servlet:
        //   CrumbConfig config = CrumbConfig.builder()
        //           .keys(keys.encryptionKey(), keys.decryptionKeys())
        //           .visitTimeout(options.visitTimeout())
        //           .policyRevision(options.policyRevision())
        //           .store(embedded H2 in options.dataDir() or the external options.database())
        //           .analystLogin(AnalystLogin.USER, login::verify)
        //           .guard("/cart", "/account").analystPages("/analytics")
        //           .clock(clock)
        //           .build();
        //   context.addFilter(new FilterHolder(new CrumbFilter(config)), "/*", EnumSet.of(REQUEST, ERROR));
        // It serves /crumb/* itself (consent, me, unsubscribe, analytics CSV and JSON).

        context.addServlet(new ServletHolder(new HomeServlet(catalog, layout)), "");
        context.addServlet(new ServletHolder(new ProductsServlet(catalog, layout)), "/products/*");
        context.addServlet(new ServletHolder(
                new CartServlet(catalog, new CartStore(MAX_CARTS), CartOwner.sharedUntilCrumbIsWired(), layout)),
                "/cart");
        context.addServlet(new ServletHolder(new AccountServlet(layout)), "/account");
        context.addServlet(new ServletHolder(new ContactServlet(layout)), "/contact/*");
        context.addServlet(new ServletHolder(new SupportServlet(layout)), "/support/*");
        context.addServlet(new ServletHolder(
                new PrivacyServlet(new PrivacyPolicy(options.policyRevision()), layout)), "/privacy");
        // crumb: read from the library's store, store.analytics(), instead of the empty reader.
        context.addServlet(new ServletHolder(
                new AnalyticsServlet(new EmptyAnalyticsReader(), clock, layout)), "/analytics");
        context.addServlet(new ServletHolder(new StaticAssetServlet()), "/static/*");
        context.addServlet(new ServletHolder(new ErrorPageServlet(layout)), "/error");
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/");

        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, "/error");
        context.setErrorHandler(errors);
        return context;
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

    /** Stops the server, letting requests in progress finish. */
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
