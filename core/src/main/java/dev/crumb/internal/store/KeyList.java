package dev.crumb.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A list of composite keys sent as one table-valued parameter: {@code UNNEST} of one array per column,
 * so that a batch looks up any number of keys through the primary key with one statement and no
 * {@code IN} lists to chunk. Columns are given as {@code name type}, e.g. {@code "v varchar"}.
 *
 * @param <K> the key type; each column reads its value from a key
 */
final class KeyList<K> {
    /** Visitor keys, as column {@code vk}: a batch's visitors, for their chain rows and their lock rows. */
    static final KeyList<String> VISITOR_KEYS = new KeyList<String>().column("vk", "varchar", k -> k);

    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<Function<K, Object>> values = new ArrayList<>();

    /** Adds a column {@code name} of SQL type {@code type} whose value for a key is {@code value}. */
    KeyList<K> column(String name, String type, Function<K, Object> value) {
        names.add(name);
        types.add(type);
        values.add(value);
        return this;
    }

    /** The FROM item: {@code UNNEST(…) AS alias(columns)}. */
    String table(Dialect dialect, String alias) {
        List<String> arrays = new ArrayList<>();
        types.forEach(type -> arrays.add(dialect.arrayParameter(type)));
        return "UNNEST(" + String.join(", ", arrays) + ") AS " + alias + "(" + String.join(", ", names) + ")";
    }

    /** Binds the arrays of {@code keys}, from parameter {@code first} on, one per column. */
    void bind(Connection connection, PreparedStatement statement, int first, List<K> keys) throws SQLException {
        for (int column = 0; column < names.size(); column++) {
            Object[] array = new Object[keys.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(column).apply(keys.get(i));
            }
            statement.setArray(first + column, connection.createArrayOf(types.get(column), array));
        }
    }
}
