package dev.crumb.internal.store;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.store.ConsentLog;
import dev.crumb.store.ConsentRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The consent log in table {@code crumb_consent}; {@link #append} and {@link #appendDefaultOnce} return
 * after the commit.
 */
final class JdbcConsentLog implements ConsentLog {
    private final Database database;

    JdbcConsentLog(Database database) {
        this.database = database;
    }

    private static final String INSERT = "INSERT INTO crumb_consent"
            + " (visitor_key, decided_at, granted, policy_revision, consent_source, refusal_signal, default_once)"
            + " VALUES (?, ?, ?, ?, ?, ?, ";

    @Override
    public void append(ConsentRecord record) {
        insert("append to the consent log", INSERT + "NULL)", record);
    }

    @Override
    public boolean appendDefaultOnce(ConsentRecord record) {
        // The unique key over (visitor_key, granted, policy_revision, consent_source, default_once) keeps one
        // record per default across servers; explicit choices leave default_once NULL and are never constrained.
        return insert("record a consent default", INSERT + "TRUE) ON CONFLICT DO NOTHING", record);
    }

    /** Runs one insert of {@code record}; whether it added a row. Durable when it returns. */
    private boolean insert(String what, String sql, ConsentRecord record) {
        Objects.requireNonNull(record, "record");
        ColumnLimits.check(record.visitorKey(), ColumnLimits.KEY, "visitorKey", "use the keyed hash of the visitor ID");
        return database.inDurableTransaction(what, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, record.visitorKey());
                insert.setObject(2, Times.column(record.decidedAt()));
                insert.setString(3, encode(record.granted()));
                insert.setInt(4, record.policyRevision());
                insert.setString(5, record.source().name());
                insert.setBoolean(6, record.refusalSignal());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<ConsentRecord> history(String visitorKey, int limit) {
        Objects.requireNonNull(visitorKey, "visitorKey");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        return database.inTransaction("read the consent history", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT decided_at, granted, policy_revision,"
                    + " consent_source, refusal_signal FROM crumb_consent WHERE visitor_key = ?"
                    + " ORDER BY decided_at DESC, id DESC LIMIT ?")) {
                select.setString(1, visitorKey);
                select.setInt(2, limit);
                List<ConsentRecord> records = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(new ConsentRecord(visitorKey, rows.getObject(1, OffsetDateTime.class).toInstant(),
                                decode(rows.getString(2)), rows.getInt(3), ConsentSource.valueOf(rows.getString(4)),
                                rows.getBoolean(5)));
                    }
                }
                return List.copyOf(records);
            }
        });
    }

    /** Records deleted per transaction by {@link #deleteSupersededBefore}. */
    static final int DELETE_CHUNK = 1_000;

    @Override
    public long deleteSupersededBefore(java.time.Instant before) {
        Objects.requireNonNull(before, "before");
        long deleted = 0;
        while (true) {
            long n = database.inTransaction("delete superseded consent records", connection -> {
                // A record is superseded when the same visitor has a newer one (ties broken by id); it is
                // deleted once that newer record is older than the retention. The newest record stays.
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crumb_consent WHERE id IN"
                        + " (SELECT c.id FROM crumb_consent c WHERE EXISTS (SELECT 1 FROM crumb_consent n"
                        + " WHERE n.visitor_key = c.visitor_key AND n.decided_at < ?"
                        + " AND (n.decided_at > c.decided_at OR (n.decided_at = c.decided_at AND n.id > c.id)))"
                        + " ORDER BY c.id LIMIT ?)")) {
                    delete.setObject(1, Times.column(before));
                    delete.setInt(2, DELETE_CHUNK);
                    return (long) delete.executeUpdate();
                }
            });
            deleted += n;
            if (n < DELETE_CHUNK) {
                return deleted;
            }
        }
    }

    /** Categories as their ids in declaration order, comma-separated: {@code "necessary,analytics"}. */
    static String encode(java.util.Set<Category> granted) {
        return EnumSet.copyOf(granted).stream().map(Category::id).collect(Collectors.joining(","));
    }

    static java.util.Set<Category> decode(String granted) {
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        for (String id : granted.split(",")) {
            categories.add(Category.fromId(id));
        }
        return categories;
    }
}
