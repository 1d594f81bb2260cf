package dev.crumb.internal.store;

import dev.crumb.store.CrumbStore;
import dev.crumb.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Opens the stores behind {@code dev.crumb.CrumbStores}, for that facade and for the internals that open a
 * store themselves (the web.xml store parameters), so that nothing internal depends on the facade.
 */
public final class StoreFactory {

    private StoreFactory() {
    }

    /** An embedded H2 database under {@code dataDirectory} (see {@code CrumbStores.h2}). */
    public static CrumbStore h2(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path directory = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Crumb could not create its data directory " + directory
                    + "; check that the process may write there, or pass another directory", e);
        }
        StoreLibraries.requireMigrations();
        StoreLibraries.requirePool();
        return JdbcCrumbStore.open("jdbc:h2:file:" + directory.resolve("crumb"), "crumb", "");
    }

    /** A store on PostgreSQL or H2 with a pool of its own (see {@code CrumbStores.jdbc(String, String, String)}). */
    public static CrumbStore jdbc(String url, String user, String password) {
        StoreLibraries.requireMigrations();
        StoreLibraries.requirePool();
        return JdbcCrumbStore.open(url, user, password);
    }

    /** A store on the caller's pool (see {@code CrumbStores.jdbc(DataSource)}). */
    public static CrumbStore jdbc(DataSource dataSource) {
        StoreLibraries.requireMigrations();
        return JdbcCrumbStore.open(dataSource);
    }

    /** A store in memory (see {@code CrumbStores.inMemory}). */
    public static CrumbStore inMemory() {
        return new InMemoryCrumbStore();
    }
}
