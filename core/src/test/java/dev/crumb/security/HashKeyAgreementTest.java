package dev.crumb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.Browser;
import dev.crumb.testsupport.FormPages;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import jakarta.servlet.ServletException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 7: two servers on one H2 file database. The first keeps its hash key's fingerprint;
 * a second server with another key (or none, deriving one from its cookie key) refuses to start with a
 * message that says what to set, instead of silently counting every visitor twice.
 */
@DisplayName("Servers on one store must share the hash key")
class HashKeyAgreementTest {

    private Path data;
    private CrumbStore firstStore;
    private CrumbStore secondStore;
    private ServerFixture first;
    private ServerFixture second;

    @BeforeEach
    void openStores() throws Exception {
        data = Files.createTempDirectory("crumb-hash-key");
        firstStore = CrumbStores.h2(data);
        secondStore = CrumbStores.jdbc("jdbc:h2:file:" + data.resolve("crumb"), "crumb", "");
    }

    @AfterEach
    void close() throws Exception {
        for (ServerFixture s : new ServerFixture[] {first, second}) {
            if (s != null) {
                s.close();
            }
        }
        secondStore.close();
        firstStore.close();
    }

    private static CrumbConfig config(CrumbStore store, String hashKey) {
        CrumbConfig.Builder b = CrumbConfig.builder().keys(TestKeys.key(1)).store(store);
        return (hashKey == null ? b : b.hashKey(hashKey)).build();
    }

    private URI startFirst() throws Exception {
        first = ServerFixture.jetty();
        URI base = first.start(new CrumbFilter(config(firstStore, TestKeys.key(31))), FormPages.all());
        assertThat(new Browser(base).get("/page").statusCode()).isEqualTo(200);
        return base;
    }

    @Test
    @DisplayName("a second server with another hash key refuses to start and says to set CRUMB_HASH_KEY")
    void otherKeyRefused() throws Exception {
        startFirst();
        CrumbFilter other = new CrumbFilter(config(secondStore, TestKeys.key(32)));
        assertThatThrownBy(() -> other.init(null)).isInstanceOf(ServletException.class)
                .hasMessageContaining("hash-key").hasMessageContaining("CRUMB_HASH_KEY")
                .hasMessageContaining("DELETE FROM crumb_security");
    }

    @Test
    @DisplayName("a second server without a hash key is refused too, and told that it derived one")
    void derivedKeyRefused() throws Exception {
        startFirst();
        CrumbFilter other = new CrumbFilter(config(secondStore, null));
        assertThatThrownBy(() -> other.init(null)).isInstanceOf(ServletException.class)
                .hasMessageContaining("derived").hasMessageContaining("CRUMB_HASH_KEY");
    }

    @Test
    @DisplayName("a second server with the same key starts and serves, and so does the first after a restart")
    void sameKeyStarts() throws Exception {
        startFirst();
        second = ServerFixture.jetty();
        URI base = second.start(new CrumbFilter(config(secondStore, TestKeys.key(31))), FormPages.all());
        assertThat(new Browser(base).get("/page").statusCode()).isEqualTo(200);
        first.close();
        first = null;
        startFirst();
    }
}
