package dev.crumb.internal.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that differs between PostgreSQL and H2 (in PostgreSQL mode): the upsert statements, the
 * collation placeholder of the migration and the settings an H2 URL needs. All other SQL is shared.
 */
enum Dialect {
    POSTGRESQL {
        @Override
        String upsert(String table, String columns, String keyColumns, String updates) {
            return "INSERT INTO " + table + " AS v (" + columns + ") VALUES (" + placeholders(columns)
                    + ") ON CONFLICT (" + keyColumns + ") DO UPDATE SET " + updates.replaceAll("\\bn\\.", "EXCLUDED.");
        }

        @Override
        String textCollation() {
            return "COLLATE \"C\"";
        }

        @Override
        String utf16Length(String column) {
            // LENGTH counts code points; a character outside the BMP is two UTF-16 code units in Java.
            return "(LENGTH(" + column + ") + LENGTH(REGEXP_REPLACE(" + column
                    + ", '[^\\U00010000-\\U0010FFFF]', '', 'g')))";
        }

        @Override
        String daysBetween(String earlier, String later) {
            return "(" + later + " - " + earlier + ")";
        }

        @Override
        List<String> summarySettings() {
            // A generic plan of the range queries guesses a few hundred rows and walks the whole range through
            // the primary key, serially: three times slower than the parallel scan it picks for real dates.
            return List.of("SET LOCAL plan_cache_mode = force_custom_plan");
        }

        @Override
        List<String> analyticsWriteSettings() {
            // Page-view batches may be lost in the last moments before a crash of the database server (at
            // most three times wal_writer_delay, 600 ms by default), never half-applied: the WAL is still
            // written in order. Consent records keep the server's synchronous commit (docs/operations.md).
            return List.of("SET LOCAL synchronous_commit = off");
        }

        @Override
        String flushAfterCommit() {
            return null;
        }

        @Override
        String arrayParameter(String elementType) {
            return "CAST(? AS " + elementType + "[])";
        }

        @Override
        boolean upsertWaitsForConcurrentInsert() {
            return true;
        }

        @Override
        String analyze(String table) {
            return "ANALYZE " + table;
        }

        @Override
        String chainRowStorage() {
            return "ALTER TABLE crumb_visitor_chains SET (toast_tuple_target = 8160, fillfactor = 70);\n"
                    + "ALTER TABLE crumb_visitor SET (fillfactor = 80);";
        }

        @Override
        String chainRowStorageDefaults() {
            return "ALTER TABLE crumb_visitor_chains RESET (toast_tuple_target, fillfactor);\n"
                    + "ALTER TABLE crumb_visitor RESET (fillfactor);";
        }

        @Override
        String rollupGuard(boolean exclusive) {
            // A transaction-level advisory lock: writers share it, a rollup holds it alone; no row is written.
            return "SELECT " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared") + "("
                    + ROLLUP_LOCK_KEY + ")";
        }
    },
    H2 {
        @Override
        String upsert(String table, String columns, String keyColumns, String updates) {
            StringBuilder on = new StringBuilder();
            for (String key : keyColumns.split(",\\s*")) {
                on.append(on.length() == 0 ? "" : " AND ").append("v.").append(key).append(" = n.").append(key);
            }
            return "MERGE INTO " + table + " v USING (VALUES (" + placeholders(columns) + ")) n(" + columns
                    + ") ON " + on + " WHEN MATCHED THEN UPDATE SET " + updates
                    + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + prefixed(columns) + ")";
        }

        @Override
        String textCollation() {
            return "";
        }

        @Override
        String arrayParameter(String elementType) {
            return "CAST(? AS " + elementType + " ARRAY)";
        }
    };

    /** Settings every H2 URL gets unless it sets them itself. */
    static final List<Map.Entry<String, String>> H2_SETTINGS = List.of(
            Map.entry("MODE", "PostgreSQL"),
            Map.entry("DATABASE_TO_LOWER", "TRUE"),
            Map.entry("DEFAULT_NULL_ORDERING", "HIGH"),
            // H2 writes committed changes to its file at most this many milliseconds later, all at once: the
            // tracking writer's batches share the pages they change instead of each commit rewriting them
            // (with 0, every commit wrote every page it changed). A transaction that must survive a crash of
            // the JVM as soon as it commits, a consent record above all, asks for it (flushAfterCommit).
            Map.entry("WRITE_DELAY", "500"),
            // H2's own JVM shutdown hook would close the database while the container's stop (and with it
            // Crumb's filter) is still writing buffered page views: SQL state 90121 on SIGTERM. Crumb closes
            // the database itself, after the buffer is written.
            Map.entry("DB_CLOSE_ON_EXIT", "FALSE"),
            // The tracking writer prepares about fifteen statements per batch; with H2's default per-session
            // cache of 8 parsed statements it parsed most of them again for every batch.
            Map.entry("QUERY_CACHE_SIZE", "64"));

    /**
     * An atomic insert-or-update of one row. {@code updates} is the SET list, written with {@code v.} for
     * the stored row and {@code n.} for the new values; both databases evaluate it against the old row.
     */
    abstract String upsert(String table, String columns, String keyColumns, String updates);

    /** The collation clause for text columns that are compared or sorted in SQL. */
    abstract String textCollation();

    /** The length of a text column in UTF-16 code units, as Java's {@link String#length} counts it. */
    String utf16Length(String column) {
        return "LENGTH(" + column + ")";
    }

    /** The number of days from the DATE {@code earlier} to the DATE {@code later}, as an integer. */
    String daysBetween(String earlier, String later) {
        return "DATEDIFF(DAY, " + earlier + ", " + later + ")";
    }

    /** Statements run at the start of the summary's read-only transaction. */
    List<String> summarySettings() {
        return List.of();
    }

    /**
     * Statements run at the start of each transaction that writes a batch of page views: settings that
     * make analytics commits cheaper without touching the durability of the consent log.
     */
    List<String> analyticsWriteSettings() {
        return List.of();
    }

    /**
     * A parameter that takes a whole array (bound with {@link java.sql.Connection#createArrayOf}), typed so
     * that {@code UNNEST} of several of them gives typed columns: one statement for a batch of keys.
     */
    abstract String arrayParameter(String elementType);

    /**
     * Whether an upsert that meets another transaction's uncommitted insert of the same key waits and then
     * updates (PostgreSQL's {@code ON CONFLICT}), rather than failing with a duplicate key once the other
     * commits (H2's {@code MERGE}), which costs the whole transaction.
     */
    boolean upsertWaitsForConcurrentInsert() {
        return false;
    }

    /**
     * The statement that writes committed changes to the database's file at once, run after a durable
     * commit ({@link Database#inDurableTransaction}); {@code null} when a commit is durable when it returns
     * (PostgreSQL's default {@code synchronous_commit}). H2's {@code CHECKPOINT} writes the file (not an fsync:
     * the change survives a crash of the JVM, not of the machine) and needs an admin user, which the user
     * that created the database is.
     */
    String flushAfterCommit() {
        return "CHECKPOINT";
    }

    /**
     * The key of PostgreSQL's advisory lock that guards the month rollups ({@link MonthRollups}): "crumb" in
     * ASCII, then 10 for the migration that brought it. An application that uses advisory locks of its own
     * should keep clear of it.
     */
    static final long ROLLUP_LOCK_KEY = 0x6372756D620AL;

    /**
     * The statement that keeps a month from being rolled up while a writer changes its day rows: held until
     * the transaction ends, by every writer of an unshared database ({@code exclusive} false) and by a rollup
     * ({@code exclusive} true). H2 has no shared lock: both take the one row of {@code crumb_rollup_lock}.
     */
    String rollupGuard(boolean exclusive) {
        return "SELECT id FROM crumb_rollup_lock WHERE id = 1 FOR UPDATE";
    }

    /** The statement that refreshes the planner's statistics of {@code table}. */
    String analyze(String table) {
        return "ANALYZE TABLE " + table;
    }

    /**
     * The storage settings of the tables whose rows each batch rewrites (migration V12, taken back by V13): none
     * on H2; see the migration for PostgreSQL's.
     */
    String chainRowStorage() {
        return "";
    }

    /** The database's default storage settings for the tables that V12 changed (migration V13). */
    String chainRowStorageDefaults() {
        return "";
    }

    /** Placeholder values for the Flyway migrations. */
    Map<String, String> migrationPlaceholders() {
        return Map.of("collate", textCollation(), "path_utf16_length", utf16Length("p.path"),
                "chain_gap", daysBetween("c.previous_day", "c.chain_day"), "item_utf16_length", utf16Length("c.item"),
                "country_utf16_length", utf16Length("d.entry_country"),
                "language_utf16_length", utf16Length("d.entry_language"), "chain_row_storage", chainRowStorage(),
                "chain_row_storage_defaults", chainRowStorageDefaults());
    }

    /** The dialect for a database product name as reported by JDBC metadata. */
    static Dialect forProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("Crumb cannot store data in " + productName
                + "; use PostgreSQL or H2");
    }

    /** The dialect for a JDBC URL, or an exception that names the URLs Crumb accepts. */
    static Dialect forUrl(String url) {
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url != null && url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database URL '" + JdbcUrls.withoutSecrets(url)
                + "'; Crumb stores data in PostgreSQL (jdbc:postgresql://host:5432/database) or H2"
                + " (jdbc:h2:file:/path/to/crumb)");
    }

    private static String placeholders(String columns) {
        return String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
    }

    private static String prefixed(String columns) {
        StringBuilder values = new StringBuilder();
        for (String column : columns.split(",\\s*")) {
            values.append(values.length() == 0 ? "" : ", ").append("n.").append(column);
        }
        return values.toString();
    }
}
