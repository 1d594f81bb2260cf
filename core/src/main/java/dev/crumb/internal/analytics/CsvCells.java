package dev.crumb.internal.analytics;

/**
 * One CSV cell, RFC 4180 style, safe to open in a spreadsheet: a value that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} so that no
 * spreadsheet runs it as a formula (paths and referrer hosts come from visitors); a value with a comma,
 * quote, CR or LF is quoted, inner quotes doubled.
 */
final class CsvCells {

    private CsvCells() {
    }

    /** The cell text for {@code value}; {@code null} is an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
