package dev.crumb;

import dev.crumb.store.CrumbStore;
import dev.crumb.store.StoreException;
import dev.crumb.internal.store.StoreFactory;
import dev.crumb.internal.webxml.WebXmlStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The stores that ship with Crumb. Each factory checks the connection and brings the schema up to date
 * before it returns, so a misconfigured store fails at start-up rather than on the first request:
 *
 * <pre>{@code
 * CrumbStore store = CrumbStores.h2(Path.of("crumb-data"));                 // demo, single server
 * CrumbStore store = CrumbStores.jdbc("jdbc:postgresql://db:5432/crumb", "crumb",
 *         System.getenv("CRUMB_DB_PASSWORD"));                              // production, many servers
 * }</pre>
 *
 * See {@code docs/storage.md} for the tables and {@code docs/analytics.md} for what the summary counts.
 */
public final class CrumbStores {
    private CrumbStores() {}

    /**
     * An embedded H2 database in the file {@code crumb.mv.db} under {@code dataDirectory}, created with its
     * schema on first use. Needs no set-up; suits a single server (the demo's default).
     *
     * @throws StoreException when the directory cannot be created or the database file is locked by
     *                        another process
     */
    public static CrumbStore h2(Path dataDirectory) {
        return StoreFactory.h2(dataDirectory);
    }

    /**
     * A store on PostgreSQL ({@code jdbc:postgresql://host:5432/database}) or H2 ({@code jdbc:h2:…}) with a
     * connection pool of its own, closed with the store. H2 URLs get PostgreSQL mode unless they set it.
     *
     * @throws IllegalArgumentException when the URL is for neither PostgreSQL nor H2
     * @throws StoreException           when the database cannot be reached or migrated; the message says
     *                                  what to check
     */
    public static CrumbStore jdbc(String url, String user, String password) {
        return StoreFactory.jdbc(url, user, password);
    }

    /**
     * A store on the caller's pool of a PostgreSQL or H2 database. The store never closes the pool; Crumb's
     * tables and its history table {@code crumb_schema_history} sit beside the caller's own.
     *
     * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
     * @throws StoreException           when the database cannot be reached or migrated
     */
    public static CrumbStore jdbc(DataSource dataSource) {
        return StoreFactory.jdbc(dataSource);
    }

    /**
     * A thread-safe store in memory, lost when the JVM stops: for tests of rules that need a store, not for
     * a site. It computes the same summary as the database stores.
     */
    public static CrumbStore inMemory() {
        return StoreFactory.inMemory();
    }

    /**
     * The store that named parameters describe, as the filter reads them from {@code web.xml} (see
     * {@code docs/configuration.md}): {@code store-url} with {@code store-user} and a password from the
     * environment variable named by {@code store-password-env} or the system property named by
     * {@code store-password-property}; or {@code store-jndi} naming a container DataSource. The caller owns
     * the store and closes it (a JNDI pool stays the container's). Give the same parameters and this store
     * to {@link CrumbConfig#fromParameters}.
     *
     * @param parameters looks up one parameter by name, {@code null} when absent
     * @return the store, or {@code null} when the parameters name none
     * @throws CrumbConfigException naming the parameter that is wrong or missing
     */
    public static CrumbStore fromParameters(Function<String, String> parameters) {
        return WebXmlStore.open(Objects.requireNonNull(parameters, "parameters"), System.getenv(), System::getProperty);
    }
}
