package dev.crumb.internal.store;

import dev.crumb.store.SecurityRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * {@link SecurityRecords} in {@code crumb_security} (migration V5), one row per name. Writes are
 * insert-if-absent or conditional updates, so concurrent servers cannot overwrite each other: the first
 * fingerprint stays, and the sign-out time only moves forward.
 */
final class JdbcSecurityRecords implements SecurityRecords {
    private static final String FINGERPRINT = "hash-key-fingerprint";
    private static final String SIGNED_OUT = "analyst-signed-out";

    private final Database database;

    JdbcSecurityRecords(Database database) {
        this.database = database;
    }

    @Override
    public String hashKeyFingerprint(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return database.inDurableTransaction("check the hash key's fingerprint", connection -> {
            // A concurrent first start loses the primary-key race; the retry then reads the winner's row.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crumb_security"
                    + " (name, text_value, updated_at) SELECT ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM crumb_security WHERE name = ?)")) {
                insert.setString(1, FINGERPRINT);
                insert.setString(2, fingerprint);
                insert.setObject(3, Times.column(Instant.now()));
                insert.setString(4, FINGERPRINT);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT text_value FROM crumb_security WHERE name = ?")) {
                select.setString(1, FINGERPRINT);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    @Override
    public Instant analystSessionsEndedAt() {
        return database.inTransaction("read the analyst's last sign-out", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT time_value FROM crumb_security WHERE name = ?")) {
                select.setString(1, SIGNED_OUT);
                try (ResultSet row = select.executeQuery()) {
                    OffsetDateTime at = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
                    return at == null ? Instant.EPOCH : at.toInstant();
                }
            }
        });
    }

    @Override
    public void endAnalystSessions(Instant at) {
        Objects.requireNonNull(at, "at");
        database.inDurableTransaction("record the analyst's sign-out", connection -> {
            OffsetDateTime time = Times.column(at);
            if (update(connection, time) == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crumb_security"
                        + " (name, time_value, updated_at) SELECT ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM crumb_security WHERE name = ?)")) {
                    insert.setString(1, SIGNED_OUT);
                    insert.setObject(2, time);
                    insert.setObject(3, time);
                    insert.setString(4, SIGNED_OUT);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Moves the sign-out time forward; 0 rows when there is no row yet or the kept time is later. */
    private static int update(Connection connection, OffsetDateTime time) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crumb_security SET time_value = ?,"
                + " updated_at = ? WHERE name = ? AND (time_value IS NULL OR time_value < ?)")) {
            update.setObject(1, time);
            update.setObject(2, time);
            update.setString(3, SIGNED_OUT);
            update.setObject(4, time);
            return update.executeUpdate();
        }
    }
}
