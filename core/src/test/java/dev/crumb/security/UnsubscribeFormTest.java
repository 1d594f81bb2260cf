package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 4: nobody can unsubscribe somebody else's address. The form at
 * {@code /crumb/unsubscribe} never suppresses; with {@code UnsubscribeConfirmations} configured it mails
 * the address its own signed link, and only that link unsubscribes. Over HTTP on Jetty.
 */
@DisplayName("The unsubscribe form changes nothing by itself")
class UnsubscribeFormTest {

    private final List<String[]> mailed = new CopyOnWriteArrayList<>();
    private CrumbStore store;
    private ServerFixture server;
    private CrumbFilter filter;

    private URI start(boolean confirmations) throws Exception {
        store = CrumbStores.inMemory();
        CrumbConfig.Builder config = CrumbConfig.builder().keys(TestKeys.key(4)).store(store);
        if (confirmations) {
            config.unsubscribeConfirmations((address, link) -> mailed.add(new String[] {address, link}));
        }
        filter = new CrumbFilter(config.build());
        server = ServerFixture.jetty();
        return server.start(filter, FormPages.all());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
    }

    private static Browser visitor(URI base) throws Exception {
        Browser b = new Browser(base);
        b.get("/page");
        return b;
    }

    @Test
    @DisplayName("without confirmations the page has no address field, and a posted address unsubscribes nobody")
    void withoutConfirmations() throws Exception {
        Browser b = visitor(start(false));
        filter.emails().optIn("victim@example.com", dev.crumb.OptInEvidence.fromForm(Map.of("opt-in", "on"), "test", "opt-in"));
        assertThat(b.get("/crumb/unsubscribe").body()).doesNotContain("name=\"email\"").contains("unsubscribe link");
        HttpResponse<String> r = b.post("/crumb/unsubscribe", Map.of("email", "victim@example.com",
                "csrf", b.get("/csrf").body()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(filter.emails().mayEmail("victim@example.com")).isTrue();
    }

    @Test
    @DisplayName("with confirmations the form mails the signed link to a listed address only, answers alike, and suppresses nothing")
    void confirmationLink() throws Exception {
        URI base = start(true);
        Browser b = visitor(base);
        filter.emails().optIn("listed@example.com", dev.crumb.OptInEvidence.fromForm(Map.of("opt-in", "on"), "test", "opt-in"));
        assertThat(b.get("/crumb/unsubscribe").body()).contains("name=\"email\"");

        HttpResponse<String> listed = b.post("/crumb/unsubscribe", Map.of("email", "listed@example.com",
                "csrf", b.get("/csrf").body()));
        HttpResponse<String> unknown = b.post("/crumb/unsubscribe", Map.of("email", "unknown@example.com",
                "csrf", b.get("/csrf").body()));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(listed.body()).isEqualTo(unknown.body());
        assertThat(filter.emails().mayEmail("listed@example.com")).as("the form alone changes nothing").isTrue();
        assertThat(mailed).singleElement().satisfies(m -> {
            assertThat(m[0]).isEqualTo("listed@example.com");
            assertThat(m[1]).isEqualTo(filter.emails().unsubscribeLink("listed@example.com"));
        });

        String link = mailed.get(0)[1];
        Browser mailbox = new Browser(base);
        assertThat(mailbox.post("/crumb/unsubscribe", Map.of("token", link.substring(link.indexOf("token=") + 6)))
                .statusCode()).isEqualTo(200);
        assertThat(filter.emails().mayEmail("listed@example.com")).as("the mailed link unsubscribes").isFalse();
    }

    @Test
    @DisplayName("with confirmations a forged CSRF token is refused and nothing is mailed")
    void forgedCsrf() throws Exception {
        Browser b = visitor(start(true));
        filter.emails().optIn("listed@example.com", dev.crumb.OptInEvidence.fromForm(Map.of("opt-in", "on"), "test", "opt-in"));
        HttpResponse<String> r = b.post("/crumb/unsubscribe", Map.of("email", "listed@example.com", "csrf", "forged"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(mailed).isEmpty();
    }
}
