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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.HashMap;
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
        // Library pages link their stylesheet under the configured prefix, and it is served there.
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/_c/crumb\\.[0-9a-f]{12}\\.css)\"")
                .matcher(browser.get("/_c/me").body());
        assertThat(css.find()).isTrue();
        assertThat(browser.get(css.group(1)).statusCode()).isEqualTo(200);
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

    @Test
    @DisplayName("a misspelt init-param fails at start-up with the name it was probably meant to be")
    void misspeltParamRefused() {
        assertThatThrownBy(() -> start(Map.of("keys", TestKeys.key(1), "vist-timeout", "PT20M")))
                .isInstanceOf(jakarta.servlet.ServletException.class)
                .hasMessageContaining("unknown init-param 'vist-timeout' — did you mean 'visit-timeout'?");
    }

    @Test
    @DisplayName("a builder-only option or a password in web.xml is refused with what to use instead")
    void builderOnlyParamsRefused() {
        assertThatThrownBy(() -> start(Map.of("keys", TestKeys.key(1), "store", "h2")))
                .hasMessageContaining("init-param store is not accepted").hasMessageContaining("store-url");
        assertThatThrownBy(() -> start(Map.of("keys", TestKeys.key(1), "store-url", "jdbc:h2:mem:refused",
                "store-password", "secret")))
                .hasMessageContaining("init-param store-password is not accepted")
                .hasMessageContaining("store-password-env");
    }

    @Test
    @DisplayName("store-url with a password from a system property keeps consent proof; destroy closes that store")
    void storeFromInitParams() throws Exception {
        String url = "jdbc:h2:mem:webxml-store-" + System.nanoTime();
        System.setProperty("crumb.test.webxml.password", "");
        try {
            Map<String, String> params = new HashMap<>(Map.of("keys", TestKeys.key(1), "store-url", url,
                    "store-user", "sa", "store-password-property", "crumb.test.webxml.password"));
            Browser browser = new Browser(start(params));
            String token = browser.get("/csrf").body();
            assertThat(browser.post("/crumb/consent", Map.of("csrf", token, "action", "accept-all")).statusCode())
                    .isEqualTo(303);
            assertThat(browser.get("/crumb/me.json").body()).contains("\"consentLogAvailable\":true");
            assertThat(crumbTables(url)).as("tables while running").isPositive();
            server.stop();
            server = null;
            // An in-memory H2 database lives as long as a connection to it: none left means the pool was closed.
            assertThat(crumbTables(url)).as("tables after destroy").isZero();
        } finally {
            System.clearProperty("crumb.test.webxml.password");
        }
    }

    @Test
    @DisplayName("a password variable that is not set fails at start-up naming the variable")
    void missingPasswordVariable() {
        assertThatThrownBy(() -> start(Map.of("keys", TestKeys.key(1), "store-url", "jdbc:h2:mem:nopw",
                "store-password-env", "CRUMB_TEST_SURELY_UNSET_VARIABLE")))
                .hasMessageContaining("environment variable 'CRUMB_TEST_SURELY_UNSET_VARIABLE', which is not set");
    }

    private static int crumbTables(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE 'crumb_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    @DisplayName("a store given to the builder stays the caller's: destroy writes to it and leaves it open")
    void builderStoreStaysOpen() throws Exception {
        java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();
        dev.crumb.store.CrumbStore memory = dev.crumb.CrumbStores.inMemory();
        dev.crumb.store.CrumbStore callers = new dev.crumb.store.CrumbStore() {
            @Override public dev.crumb.store.ConsentLog consentLog() { return memory.consentLog(); }
            @Override public dev.crumb.store.EmailRegistry emails() { return memory.emails(); }
            @Override public dev.crumb.store.EventSink events() { return memory.events(); }
            @Override public dev.crumb.store.AnalyticsReader analytics() { return memory.analytics(); }
            @Override public dev.crumb.store.SecurityRecords security() { return memory.security(); }
            @Override public dev.crumb.store.VisitorRecords visitorRecords() { return memory.visitorRecords(); }
            @Override public void close() { closes.incrementAndGet(); }
        };
        CrumbFilter filter = new CrumbFilter(dev.crumb.CrumbConfig.builder().keys(TestKeys.key(1)).store(callers).build());
        dev.crumb.testsupport.ServerFixture fixture = dev.crumb.testsupport.ServerFixture.jetty();
        URI base = fixture.start(filter, TestPages.standard());
        assertThat(new Browser(base).get("/page").statusCode()).isEqualTo(200);
        fixture.close();
        assertThat(closes).as("close() calls on the caller's store").hasValue(0);
    }
}
