package dev.crumb.internal.store;

import dev.crumb.store.CrumbStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on an embedded H2 file, {@code crumb} in a fresh directory per test: a subclass says how
 * it opens the store on that file ({@link #open}).
 */
abstract class H2FileStoreContract extends DatabaseStoreContract {
    @TempDir
    Path directory;
    CrumbStore store;

    /** Opens the store under test on the H2 file at {@link #url}. */
    abstract CrumbStore open();

    /** The JDBC URL of the test's H2 file, without Crumb's settings. */
    String url() {
        return "jdbc:h2:file:" + directory.resolve("crumb");
    }

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    CrumbStore store() {
        return store;
    }

    @Override
    void failWritesOfAnonymousPath(String path) throws Exception {
        rejectAnonymousPathOnH2(url(), path);
    }
}
