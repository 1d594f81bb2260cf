package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.AnalystPassword;
import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.internal.analytics.AnalystSignOuts;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.MutableClock;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 3, black-box over HTTP on Jetty: signing out ends the analyst session on the server,
 * so the old cookie replayed opens nothing — on the same server at once, and on another server of the
 * same store (an H2 file) within {@link AnalystSignOuts#MAX_AGE}. Sessions also end after 30 minutes
 * without use and after their lifetime however active. Time moves through {@link MutableClock}.
 */
@DisplayName("Signing out ends the analyst session on every server")
class AnalystSignOutTest {

    private static final String PASSWORD = "sign out passphrase";
    private static final String SUMMARY = "/crumb/analytics/summary";

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final String hash = AnalystPassword.hash(PASSWORD.toCharArray());

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private URI server(CrumbStore store) throws Exception {
        ServerFixture fixture = ServerFixture.jetty();
        open.add(fixture);
        return fixture.start(new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(9)).hashKey(TestKeys.key(10))
                .clock(clock).store(store).analystPasswordHash(hash).build()), FormPages.all());
    }

    private static String csrf(Browser b) throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(b.get("/crumb/analytics/login").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Browser signedIn(URI base) throws Exception {
        Browser b = new Browser(base);
        HttpResponse<String> r = b.post("/crumb/analytics/login", Map.of("user", "analyst", "password", PASSWORD,
                "csrf", csrf(b)));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(b.get(SUMMARY).statusCode()).isEqualTo(200);
        return b;
    }

    private static HttpResponse<String> replay(URI base, String cookie, String path) throws Exception {
        Browser thief = new Browser(base);
        thief.setCookie("crumb_analyst", cookie);
        return thief.get(path);
    }

    private static void signOut(Browser b) throws Exception {
        assertThat(b.post("/crumb/analytics/logout", Map.of("csrf", csrf(b))).statusCode()).isEqualTo(303);
    }

    @Test
    @DisplayName("after sign-out the old cookie replayed gets 401 and the sign-in form; a new sign-in works")
    void replayAfterSignOut() throws Exception {
        CrumbStore store = CrumbStores.inMemory();
        open.add(store);
        URI base = server(store);
        Browser analyst = signedIn(base);
        String old = analyst.cookie("crumb_analyst");
        signOut(analyst);

        assertThat(replay(base, old, SUMMARY).statusCode()).isEqualTo(401);
        assertThat(replay(base, old, "/crumb/analytics/login").body()).contains("name=\"password\"")
                .doesNotContain("You are signed in");
        clock.advance(Duration.ofSeconds(1)); // the test clock stands still; a new session must begin after the sign-out
        assertThat(signedIn(base).get(SUMMARY).statusCode()).as("signing in again").isEqualTo(200);
    }

    @Test
    @DisplayName("a sign-out on server A ends the session on server B of the same store within the stated bound")
    void acrossServers() throws Exception {
        Path data = Files.createTempDirectory("crumb-sign-out");
        CrumbStore storeA = CrumbStores.h2(data);
        open.add(storeA);
        CrumbStore storeB = CrumbStores.jdbc("jdbc:h2:file:" + data.resolve("crumb"), "crumb", "");
        open.add(storeB);
        URI a = server(storeA);
        URI b = server(storeB);
        Browser analyst = signedIn(a);
        String cookie = analyst.cookie("crumb_analyst");
        assertThat(replay(b, cookie, SUMMARY).statusCode()).as("the session works on B").isEqualTo(200);

        signOut(analyst);
        assertThat(replay(a, cookie, SUMMARY).statusCode()).as("on A at once").isEqualTo(401);
        clock.advance(AnalystSignOuts.MAX_AGE);
        assertThat(replay(b, cookie, SUMMARY).statusCode()).as("on B after the bound").isEqualTo(401);
    }

    @Test
    @DisplayName("only a signed-in analyst's sign-out ends sessions; a visitor posting the form ends nothing")
    void visitorCannotEndSessions() throws Exception {
        CrumbStore store = CrumbStores.inMemory();
        open.add(store);
        URI base = server(store);
        Browser analyst = signedIn(base);
        Browser visitor = new Browser(base);
        signOut(visitor);
        clock.advance(AnalystSignOuts.MAX_AGE);
        assertThat(analyst.get(SUMMARY).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a session ends after 30 minutes without use, lives on while used, and ends after 8 hours regardless")
    void idleAndAbsolute() throws Exception {
        CrumbStore store = CrumbStores.inMemory();
        open.add(store);
        URI base = server(store);
        Browser idle = signedIn(base);
        Browser busy = signedIn(base);
        clock.advance(Duration.ofMinutes(20));
        assertThat(busy.get(SUMMARY).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(11));
        assertThat(idle.get(SUMMARY).statusCode()).as("31 minutes idle").isEqualTo(401);
        assertThat(busy.get(SUMMARY).statusCode()).as("used 11 minutes ago").isEqualTo(200);
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            busy.get(SUMMARY);
        }
        assertThat(busy.get(SUMMARY).statusCode()).as("after 8 hours of use").isEqualTo(401);
    }
}
