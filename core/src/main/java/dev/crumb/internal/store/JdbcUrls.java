package dev.crumb.internal.store;

import java.util.Locale;
import java.util.Map;

/** The few things Crumb does to a JDBC URL: complete an H2 URL and make one safe to show in a message. */
final class JdbcUrls {
    private JdbcUrls() {}

    /** The URL without any query string or H2 settings, which may hold a password. */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "null";
        }
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }

    /** An H2 URL with every setting of {@link Dialect#H2_SETTINGS} that the URL does not set itself. */
    static String completeH2(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder completed = new StringBuilder(url);
        for (Map.Entry<String, String> setting : Dialect.H2_SETTINGS) {
            if (!upper.contains(";" + setting.getKey() + "=")) {
                completed.append(';').append(setting.getKey()).append('=').append(setting.getValue());
            }
        }
        return completed.toString();
    }
}
