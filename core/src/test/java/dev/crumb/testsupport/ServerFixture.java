package dev.crumb.testsupport;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.Map;

/**
 * A real servlet container on an ephemeral port with a filter mapped to {@code /*} and servlets at the
 * given paths. Implemented for Jetty 12 and Tomcat 11, so the same tests prove Crumb is not tied to a
 * container.
 */
public interface ServerFixture extends AutoCloseable {

    /** Starts the container and returns its base URI, e.g. {@code http://127.0.0.1:41234}. */
    URI start(Filter filter, Map<String, HttpServlet> servlets) throws Exception;

    /** The container's name, for test display names. */
    String name();

    @Override
    void close() throws Exception;

    /** A Jetty 12 fixture. */
    static ServerFixture jetty() {
        return new JettyFixture();
    }

    /** A Tomcat 11 fixture. */
    static ServerFixture tomcat() {
        return new TomcatFixture();
    }
}
