package dev.crumb.internal.store;

import dev.crumb.store.StoreException;

/**
 * The libraries a JDBC store needs are optional dependencies of crumb-core (an application without a
 * store carries none of them). A missing one fails the start with the coordinates to add, instead of a
 * {@code NoClassDefFoundError} from deep inside the store.
 */
final class StoreLibraries {
    private StoreLibraries() {
    }

    /** Checks for Flyway, which every JDBC store needs for its schema. */
    public static void requireMigrations() {
        require("org.flywaydb.core.Flyway", "org.flywaydb:flyway-core (and, for PostgreSQL, "
                + "org.flywaydb:flyway-database-postgresql)");
    }

    /** Checks for HikariCP, which a store on a JDBC URL uses as its pool. */
    public static void requirePool() {
        require("com.zaxxer.hikari.HikariDataSource", "com.zaxxer:HikariCP");
    }

    private static void require(String className, String coordinates) {
        try {
            Class.forName(className, false, StoreLibraries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new StoreException("Crumb's store needs " + coordinates + " on the class path: add it to the "
                    + "application's dependencies (see docs/configuration.md, Dependencies)", e);
        }
    }
}
