package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.CrumbStores;
import dev.crumb.store.CrumbStore;
import java.nio.file.Path;
import java.util.List;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole store contract on an H2 server (TCP), which other processes may write to as well: there the writers
 * lock their visitors' {@code crumb_visitor} rows, as on PostgreSQL, instead of the embedded database's
 * in-process lock.
 */
@DisplayName("H2 server store")
class H2ServerStoreTest extends DatabaseStoreContract {
    @TempDir
    Path directory;
    private Server server;
    private CrumbStore store;

    private String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/crumb";
    }

    @BeforeEach
    void openStore() throws Exception {
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.toString(), "-ifNotExists").start();
        store = CrumbStores.jdbc(url(), "crumb", "");
    }

    @AfterEach
    void closeStore() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            server.stop();
        }
    }

    @Override
    CrumbStore store() {
        return store;
    }

    @Override
    void failWritesOfAnonymousPath(String path) throws Exception {
        rejectAnonymousPathOnH2(url(), path);
    }

    @Test
    @DisplayName("a batch locks its visitors through their crumb_visitor rows")
    void writersLockRows() throws Exception {
        store.events().write(List.of(Events.view("2025-03-10T10:00:00Z", "v1", 1, "/", "DE", "de", null),
                Events.view("2025-03-10T10:00:00Z", "v2", 1, "/", "DE", "de", null)), List.of());

        assertThat(rowsOnH2(url(), "crumb_visitor")).isEqualTo(2);
    }
}
