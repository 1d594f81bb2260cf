package dev.crumb.internal.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database to Crumb's current schema with the versioned scripts in {@code db/migration}.
 * Crumb keeps its own history table, so a site that migrates its own schema with Flyway in the same
 * database is not disturbed, and a non-empty schema is accepted.
 */
final class Migrations {
    static final String HISTORY_TABLE = "crumb_schema_history";

    private Migrations() {}

    static void apply(DataSource dataSource, Dialect dialect) {
        applyUpTo(dataSource, dialect, "latest");
    }

    /** Applies the migrations up to and including {@code version}; tests use it to upgrade old schemas. */
    static void applyUpTo(DataSource dataSource, Dialect dialect, String version) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(dialect.migrationPlaceholders())
                .target(version)
                .load()
                .migrate();
    }
}
