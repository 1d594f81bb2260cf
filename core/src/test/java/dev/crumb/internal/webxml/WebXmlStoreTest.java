package dev.crumb.internal.webxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.store.StoreException;
import dev.crumb.testsupport.Eventually;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The store described by web.xml init-params")
class WebXmlStoreTest {

    @Test
    @DisplayName("no store params: no store")
    void none() {
        assertThat(WebXmlStore.open(Map.<String, String>of()::get, Map.of(), p -> null)).isNull();
    }

    @Test
    @DisplayName("store-url and store-jndi together are refused")
    void urlAndJndi() {
        assertThatThrownBy(() -> WebXmlStore.open(Map.of("store-url", "jdbc:h2:mem:x", "store-jndi", "jdbc/crumb")::get,
                Map.of(), p -> null)).hasMessageContaining("store-url and store-jndi are both set");
    }

    @Test
    @DisplayName("store-user without store-url is refused")
    void userWithoutUrl() {
        assertThatThrownBy(() -> WebXmlStore.open(Map.of("store-user", "crumb")::get, Map.of(), p -> null))
                .hasMessageContaining("store-url is missing");
    }

    @Test
    @DisplayName("the password comes from the environment variable store-password-env names")
    void passwordFromEnvironment() {
        String url = "jdbc:h2:mem:webxml-env-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (CrumbStore store = WebXmlStore.open(Map.of("store-url", url, "store-user", "sa",
                "store-password-env", "DB_PW")::get, Map.of("DB_PW", ""), p -> null)) {
            assertThat(store.consentLog().history("k", 5)).isEmpty();
        }
    }

    @Test
    @DisplayName("store-jndi finds the container's DataSource under java:comp/env, and closing the store leaves it open")
    void jndi() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:webxml-jndi-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        FakeJndi.bound = Map.of("java:comp/env/jdbc/crumb", h2);
        String previous = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FakeJndi.class.getName());
        try {
            try (CrumbStore store = WebXmlStore.open(Map.of("store-jndi", "jdbc/crumb")::get, Map.of(), p -> null)) {
                assertThat(store.consentLog().history("k", 5)).isEmpty();
            }
            try (var c = h2.getConnection()) {
                assertThat(c.isValid(1)).as("the container's pool is not Crumb's to close").isTrue();
            }
            assertThatThrownBy(() -> WebXmlStore.open(Map.of("store-jndi", "jdbc/other")::get, Map.of(), p -> null))
                    .hasMessageContaining("no DataSource named 'jdbc/other'");
        } finally {
            if (previous == null) {
                System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previous);
            }
        }
    }

    @Test
    @DisplayName("an H2 file another deployment still holds is opened once it is free; until then store calls fail")
    void lockedFileOpensLater() throws Exception {
        Path data = Files.createTempDirectory("crumb-locked");
        CrumbStores.h2(data).close();
        Path file = data.resolve("crumb.mv.db");
        CrumbStore store;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            store = WebXmlStore.open(Map.of("store-url", "jdbc:h2:file:" + data.resolve("crumb"), "store-user", "crumb")::get,
                    Map.of(), p -> null);
            assertThat(store).isInstanceOf(LockWaitingStore.class);
            assertThatThrownBy(() -> store.consentLog().history("k", 5)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("still locked");
        }
        try {
            Eventually.await("the store opens after the lock is released", Duration.ofSeconds(30), () -> {
                try {
                    return store.consentLog().history("k", 5).isEmpty();
                } catch (StoreException notYet) {
                    return false;
                }
            });
        } finally {
            store.close();
        }
    }

    @Test
    @DisplayName("a misspelt name is matched to the closest known one; a foreign one to none")
    void closest() {
        List<String> known = List.of("visit-timeout", "store-url", "store-user", "cookie-path");
        assertThat(WebXmlParameters.closest("vist-timeout", known)).isEqualTo("visit-timeout");
        assertThat(WebXmlParameters.closest("store_url", known)).isEqualTo("store-url");
        assertThat(WebXmlParameters.closest("listener-class", known)).isNull();
    }

    /** A JNDI context that knows a fixed map of names, for the lookup only. */
    public static final class FakeJndi implements InitialContextFactory {
        static volatile Map<String, Object> bound = Map.of();

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && args[0] instanceof String name) {
                            Object found = bound.get(name);
                            if (found == null) {
                                throw new NameNotFoundException(name);
                            }
                            return found;
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
