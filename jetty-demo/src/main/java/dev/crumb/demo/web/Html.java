package dev.crumb.demo.web;

import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A piece of HTML that is safe to send: every value that went into it was escaped, unless it was
 * itself an {@code Html}. This is the demo's one template helper.
 *
 * <p>{@link #of(String, Object...)} fills each {@code {}} of a template with the next value. A value
 * that is an {@code Html} is inserted as it is; {@code null} becomes nothing; anything else is turned
 * into a string and escaped for both HTML text and quoted attribute values. Templates must therefore
 * always quote attribute values ({@code href="{}"}), and must not put values into {@code <script>},
 * {@code <style>} or {@code on*} attributes, where escaping for HTML is not enough.
 *
 * <pre>{@code
 * Html link = Html.of("<a href=\"/products/{}\">{}</a>", product.id(), product.name());
 * }</pre>
 */
public final class Html {

    /** No markup at all. */
    public static final Html EMPTY = new Html("");

    private static final String PLACEHOLDER = "{}";

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /**
     * Fills the placeholders of {@code template} with escaped {@code values}.
     *
     * @throws IllegalArgumentException when the number of {@code {}} placeholders differs from the number
     *                                  of values, which is always a programming error
     */
    public static Html of(String template, Object... values) {
        Objects.requireNonNull(template, "template");
        StringBuilder out = new StringBuilder(template.length() + 16 * values.length);
        int from = 0;
        int used = 0;
        for (int at = template.indexOf(PLACEHOLDER); at >= 0; at = template.indexOf(PLACEHOLDER, from)) {
            if (used == values.length) {
                throw new IllegalArgumentException("template has more {} placeholders than the "
                        + values.length + " values given: " + abbreviate(template));
            }
            out.append(template, from, at);
            appendValue(out, values[used++]);
            from = at + PLACEHOLDER.length();
        }
        if (used != values.length) {
            throw new IllegalArgumentException("template has " + used + " {} placeholders but "
                    + values.length + " values were given: " + abbreviate(template));
        }
        out.append(template, from, template.length());
        return new Html(out.toString());
    }

    /**
     * Wraps markup written by the programmer, such as an SVG drawing held in a constant. Never pass
     * anything that came from a request, a cookie, a database or a file through this method.
     */
    public static Html trusted(String markup) {
        return new Html(Objects.requireNonNull(markup, "markup"));
    }

    /** Concatenates pieces of HTML, for example the rows of a table produced by a stream. */
    public static Collector<Html, ?, Html> joining() {
        return Collectors.collectingAndThen(
                Collectors.mapping(html -> html.markup, Collectors.joining()), Html::new);
    }

    /**
     * Escapes {@code text} for HTML text and for quoted attribute values: {@code & < > " '} become
     * character references.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendEscaped(out, text);
        return out.toString();
    }

    /** Whether this holds no markup. */
    public boolean isEmpty() {
        return markup.isEmpty();
    }

    /** The markup, ready to be written to a response. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html html && html.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }

    private static void appendValue(StringBuilder out, Object value) {
        if (value instanceof Html html) {
            out.append(html.markup);
        } else if (value != null) {
            appendEscaped(out, String.valueOf(value));
        }
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static String abbreviate(String template) {
        String oneLine = template.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
