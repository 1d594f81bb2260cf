package dev.crumb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.AnalystPassword;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.RawHttp;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TestPages;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17, finding 2: {@code TRACE} (and {@code TRACK}) answer 405 with {@code Allow} on every path the
 * filter covers — application pages, unmapped paths, Crumb's own pages — and never echo the request's
 * cookies or credentials. Subclasses choose the container.
 */
abstract class TraceContract {

    private static final String SECRET_COOKIE = "crumb=secret-visitor-cookie; crumb_analyst=secret-analyst-session";
    private static final String SECRET_AUTH = "Basic YW5hbHlzdDpzZWNyZXQtcGFzc3dvcmQ=";

    private ServerFixture server;
    private CrumbStore store;
    private URI base;

    protected abstract ServerFixture newFixture();

    @BeforeEach
    void start() throws Exception {
        store = CrumbStores.inMemory();
        server = newFixture();
        base = server.start(new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(1)).store(store)
                .analystPasswordHash(AnalystPassword.hash("trace test passphrase".toCharArray())).build()),
                TestPages.standard());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TRACE, /", "TRACE, /page", "TRACE, /static/site.css", "TRACE, /crumb/me",
            "TRACE, /crumb/analytics/summary", "TRACE, /.well-known/gpc.json", "TRACK, /page", "TRACK, /"})
    @DisplayName("TRACE and TRACK answer 405 with Allow and echo no cookie or credentials")
    void refusedWithoutEcho(String method, String path) throws Exception {
        RawHttp.Response r = RawHttp.send(base, method + " " + path + " HTTP/1.1\r\nCookie: " + SECRET_COOKIE
                + "\r\nAuthorization: " + SECRET_AUTH, new byte[0]);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.all("Allow")).singleElement().satisfies(allow ->
                assertThat(allow).contains("GET").doesNotContain("TRACE"));
        String everything = r.head() + "\n" + r.body();
        assertThat(everything).doesNotContain("secret-visitor-cookie").doesNotContain("secret-analyst-session")
                .doesNotContain(SECRET_AUTH.substring(6)).doesNotContain("message/http");
        assertThat(r.all("Set-Cookie")).isEmpty();
    }
}
