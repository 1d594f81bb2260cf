package dev.crumb.internal.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's one HTML template helper. {@code {{name}}} inserts a value escaped for HTML text and
 * attributes; {@code {{{name}}}} inserts markup that Crumb produced itself (never visitor input). A
 * missing name is a programming error and fails loudly rather than rendering a hole.
 */
public final class Html {

    private static final Pattern SLOT = Pattern.compile("\\{\\{\\{([a-zA-Z0-9_.]+)}}}|\\{\\{([a-zA-Z0-9_.]+)}}");

    private Html() {
    }

    /** Escapes a value for HTML text and quoted attribute values. {@code null} becomes empty. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '`' -> "&#96;";
                default -> null;
            };
            if (replacement == null && c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                replacement = "\uFFFD";
            }
            if (replacement != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(replacement);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Renders {@code template}, escaping every {@code {{value}}} and inserting {@code {{{markup}}}} as is. */
    public static String render(String template, Map<String, ?> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            boolean raw = m.group(1) != null;
            String name = raw ? m.group(1) : m.group(2);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("template slot '" + name + "' has no value");
            }
            Object v = values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(raw ? String.valueOf(v == null ? "" : v) : escape(v)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
