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

/** The consent log in table {@code crumb_consent}; {@link #append} returns after the commit. */
final class JdbcConsentLog implements ConsentLog {
    private final Database database;

    JdbcConsentLog(Database database) {
        this.database = database;
    }

    @Override
    public void append(ConsentRecord record) {
        Objects.requireNonNull(record, "record");
        ColumnLimits.check(record.visitorKey(), ColumnLimits.KEY, "visitorKey", "use the keyed hash of the visitor ID");
        database.inTransaction("append to the consent log", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crumb_consent"
                    + " (visitor_key, decided_at, granted, policy_revision, consent_source, refusal_signal)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, record.visitorKey());
                insert.setObject(2, Times.column(record.decidedAt()));
                insert.setString(3, encode(record.granted()));
                insert.setInt(4, record.policyRevision());
                insert.setString(5, record.source().name());
                insert.setBoolean(6, record.refusalSignal());
                insert.executeUpdate();
            }
            return null;
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
