package dev.crumb.reliability;

import dev.crumb.CrumbFilter;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TrackingPages;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A server for {@link SigtermTest} to run in a child JVM and stop with SIGTERM: Jetty with Crumb configured
 * the {@code web.xml} way (class name and init-params, an H2 file store from {@code store-url}) and a flush
 * interval of a minute, so page views stay in the buffer until the JVM stops. Arguments: the data
 * directory and {@code container-hook} (Jetty stops the application on SIGTERM, as standalone containers
 * do) or {@code crumb-hook} (only Crumb's own hook). Prints {@code READY <port>}, then runs until stopped.
 */
public final class SigtermServerMain {

    private SigtermServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder crumb = new FilterHolder(CrumbFilter.class);
        crumb.setInitParameter("keys", TestKeys.key(15));
        crumb.setInitParameter("hash-key", TestKeys.key(16));
        crumb.setInitParameter("store-url", "jdbc:h2:file:" + args[0] + "/crumb");
        crumb.setInitParameter("store-user", "crumb");
        crumb.setInitParameter("tracking-flush-interval", "PT1M");
        crumb.setInitParameter("tracking-batch-size", "1000");
        context.addFilter(crumb, "/*", EnumSet.of(DispatcherType.REQUEST));
        TrackingPages.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        server.setStopAtShutdown("container-hook".equals(args[1]));
        server.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
