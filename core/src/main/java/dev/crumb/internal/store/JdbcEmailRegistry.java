package dev.crumb.internal.store;

import dev.crumb.store.EmailRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Opt-ins in {@code crumb_email_opt_in}, suppressions in {@code crumb_email_suppression}. An address may
 * be emailed when its newest opt-in is later than its newest suppression; at the same instant the
 * suppression wins, because wrongly mailing someone is worse than wrongly not mailing them.
 */
final class JdbcEmailRegistry implements EmailRegistry {
    private final Database database;

    JdbcEmailRegistry(Database database) {
        this.database = database;
    }

    @Override
    public void optIn(String addressKey, Instant at, int policyRevision, String form) {
        EmailArguments.checkOptIn(addressKey, at, policyRevision, form);
        database.inDurableTransaction("record an email opt-in", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crumb_email_opt_in"
                    + " (address_key, opted_in_at, policy_revision, form_name) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, addressKey);
                insert.setObject(2, Times.column(at));
                insert.setInt(3, policyRevision);
                insert.setString(4, form);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void suppress(String addressKey, Instant at) {
        EmailArguments.checkSuppression(addressKey, at);
        // Insert-if-absent: a repeated suppression is a no-op; a concurrent duplicate loses the primary-key
        // race, and the retry then finds the row.
        database.inDurableTransaction("suppress an email address", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crumb_email_suppression"
                    + " (address_key, suppressed_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                    + " crumb_email_suppression WHERE address_key = ? AND suppressed_at = ?)")) {
                OffsetDateTime time = Times.column(at);
                insert.setString(1, addressKey);
                insert.setObject(2, time);
                insert.setString(3, addressKey);
                insert.setObject(4, time);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean mayEmail(String addressKey) {
        Objects.requireNonNull(addressKey, "addressKey");
        return database.inTransaction("check whether an address may be emailed", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT"
                    + " (SELECT MAX(opted_in_at) FROM crumb_email_opt_in WHERE address_key = ?),"
                    + " (SELECT MAX(suppressed_at) FROM crumb_email_suppression WHERE address_key = ?)")) {
                select.setString(1, addressKey);
                select.setString(2, addressKey);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    OffsetDateTime optedIn = row.getObject(1, OffsetDateTime.class);
                    OffsetDateTime suppressed = row.getObject(2, OffsetDateTime.class);
                    return EmailArguments.mayEmail(optedIn == null ? null : optedIn.toInstant(),
                            suppressed == null ? null : suppressed.toInstant());
                }
            }
        });
    }
}
