package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.CrumbFilter;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TestPages;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The filter configured the web.xml way: by class name and init-params, as a container does it. */
@DisplayName("CrumbFilter configured with init-params")
class WebXmlConfigurationTest {

    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private URI start(Map<String, String> initParams) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = new FilterHolder(CrumbFilter.class);
        holder.setInitParameters(initParams);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        TestPages.standard().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Test
    @DisplayName("init-params name the cookie, the prefix and the defaults")
    void initParamsApply() throws Exception {
        URI base = start(Map.of("keys", TestKeys.key(1), "cookie-name", "visitor", "path-prefix", "/_c",
                "default-country", "CA", "secure", "true"));
        Browser browser = new Browser(base);
        HttpResponse<String> r = browser.get("/page");
        assertThat(Browser.setCookie(r, "visitor")).contains("; Secure");
        assertThat(TestPages.parseEcho(r.body())).containsEntry("country", "CA");
        assertThat(browser.get("/_c/me.json").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("init-params set the trusted country header, the first layer and the cookie's fixed lifetime")
    void consentInitParams() throws Exception {
        URI base = start(Map.of("keys", TestKeys.key(1), "country-header", "CloudFront-Viewer-Country",
                "controller-name", "Crumb Office Supply", "privacy-policy-url", "/privacy", "cookie-max-age", "P30D",
                "consent-max-age", "P3M", "visit-retention", "P2Y", "consent-log-retention", "P6Y"));
        Browser us = new Browser(base).header("CloudFront-Viewer-Country", "US");
        HttpResponse<String> r = us.get("/page");
        assertThat(Browser.setCookie(r, "crumb")).contains("; Max-Age=" + java.time.Duration.ofDays(30).toSeconds());
        assertThat(TestPages.parseEcho(r.body())).containsEntry("consent.analytics", "true");
        assertThat(TestPages.parseEcho(new Browser(base).header("Accept-Language", "en-US").get("/page").body()))
                .containsEntry("consent.analytics", "false");
        assertThat(us.get("/crumb/consent").body()).contains("<strong>Crumb Office Supply</strong>")
                .contains("href=\"/privacy\"");
    }

    @Test
    @DisplayName("a configuration mistake fails at start-up, not on the first request")
    void mistakeFailsAtStart() {
        assertThatThrownBy(() -> start(Map.of("keys", TestKeys.key(1), "visit-timeout", "half an hour")))
                .isInstanceOf(jakarta.servlet.ServletException.class)
                .hasMessage("Crumb is not configured correctly: init-param visit-timeout must be an ISO-8601 duration "
                        + "such as PT30M, was 'half an hour'");
    }
}
