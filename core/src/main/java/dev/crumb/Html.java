package dev.crumb;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import com.google.errorprone.annotations.Immutable;
import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A fragment of HTML that is safe to send: every value that went into it was escaped, unless it was
 * itself an {@code Html}. Crumb renders all of its pages, the banner and the demo site with this one
 * type; there is no other template mechanism and no other escaper.
 *
 * <p>{@link #of(String, Object...)} fills each {@code %s} of a template with the next value. A value that
 * is an {@code Html} is inserted as it is (so fragments nest without double escaping); {@code null} becomes
 * nothing; anything else is turned into a string and escaped for HTML text and for quoted attribute
 * values: {@code & < > " '} and the backtick become character references, control characters other than
 * tab, line feed and carriage return become U+FFFD, everything else (characters outside the Basic
 * Multilingual Plane included) stays as it is. {@code %%} writes one {@code %}; no other {@code %}
 * conversion is allowed.
 *
 * <pre>{@code
 * Html link = Html.of("<a href=\"/products/%s\">%s</a>", product.id(), product.name());
 * Html page = Html.of("<main>%s</main>", link);   // link is not escaped again
 * }</pre>
 *
 * <p>The template is the trusted part, so it must be a compile-time constant: the build runs Error Prone,
 * whose {@code FormatStringAnnotation} check refuses a template that is not a constant and a template
 * whose {@code %s} count differs from the number of values, before any test runs. Should a template reach
 * {@code of} another way, a mismatch throws {@link IllegalArgumentException} when the fragment is built,
 * never half-way through writing a response.
 *
 * <p>Templates must quote attribute values ({@code href="%s"}) and must not put values into
 * {@code <script>}, {@code <style>}, {@code on*} attributes or unquoted attributes, where escaping for
 * HTML is not enough. An {@code href} value is escaped but not checked: pass only addresses the
 * application built or checked itself.
 */
@Immutable
public final class Html {

    /** No markup at all. */
    public static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /**
     * Fills the {@code %s} slots of {@code template} with {@code values}, escaping every value that is
     * not itself {@code Html}.
     *
     * @param template trusted markup, a compile-time constant, with one {@code %s} per value
     * @param values   the values in order; {@code Html} is inserted as it is, {@code null} as nothing
     * @throws IllegalArgumentException when the number of {@code %s} slots differs from the number of
     *                                  values, or the template holds another {@code %} conversion
     */
    @FormatMethod
    public static Html of(@FormatString String template, Object... values) {
        return fill(template, values);
    }

    /**
     * Like {@link #of}, for a template that cannot be a compile-time constant because the application
     * keeps it in its own resources, such as a translated sentence that holds a link. The template is
     * inserted unescaped, as with {@link #trusted}: never pass anything that came from a request, a
     * cookie or a database as the template. The values are escaped as always; a slot count that does
     * not match the values throws {@link IllegalArgumentException} here, when the fragment is built.
     */
    public static Html fromTrustedTemplate(String template, Object... values) {
        return fill(template, values);
    }

    private static Html fill(String template, Object... values) {
        Objects.requireNonNull(template, "template");
        StringBuilder out = new StringBuilder(template.length() + 16 * values.length);
        int used = 0;
        int from = 0;
        for (int at = template.indexOf('%'); at >= 0; at = template.indexOf('%', from)) {
            out.append(template, from, at);
            char conversion = at + 1 < template.length() ? template.charAt(at + 1) : ' ';
            if (conversion == '%') {
                out.append('%');
            } else if (conversion == 's') {
                if (used == values.length) {
                    throw new IllegalArgumentException("template has more %s slots than the " + values.length
                            + " values given: " + abbreviate(template));
                }
                appendValue(out, values[used++]);
            } else {
                throw new IllegalArgumentException("template may hold only %s and %%, found '%" + conversion
                        + "': " + abbreviate(template));
            }
            from = at + 2;
        }
        if (used != values.length) {
            throw new IllegalArgumentException("template has " + used + " %s slots but " + values.length
                    + " values were given: " + abbreviate(template));
        }
        out.append(template, from, template.length());
        return new Html(out.toString());
    }

    /**
     * {@code value} as text: its string form escaped (see {@link #of} for what is escaped and how);
     * {@code null} is {@link #EMPTY}.
     */
    public static Html text(Object value) {
        return value == null ? EMPTY : new Html(escape(value.toString()));
    }

    /**
     * Wraps markup written by the programmer, such as an SVG drawing held in a constant, without
     * escaping it. Never pass anything that came from a request, a cookie, a database, a file or a
     * translation through this method; use {@link #of} or {@link #text} for those.
     */
    public static Html trusted(String markup) {
        return new Html(Objects.requireNonNull(markup, "markup"));
    }

    /** Concatenates pieces of HTML in stream order, for example the rows of a table. */
    public static Collector<Html, ?, Html> joining() {
        return Collectors.collectingAndThen(
                Collectors.mapping(html -> html.markup, Collectors.joining()), Html::new);
    }

    /** This fragment followed by {@code next}. */
    public Html append(Html next) {
        return next.markup.isEmpty() ? this : new Html(markup + next.markup);
    }

    /**
     * Escapes {@code text} for HTML text and for quoted attribute values: {@code & < > " ' `} become
     * character references and control characters other than tab, line feed and carriage return (which
     * HTML does not allow) become U+FFFD. Everything else, including characters outside the Basic
     * Multilingual Plane, is kept as it is. The one escaper of Crumb and its demo.
     */
    private static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = replacement(text.charAt(i));
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
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
            out.append(escape(String.valueOf(value)));
        }
    }

    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '`' -> "&#96;";
            case '\t', '\n', '\r' -> null;
            default -> c < 0x20 ? "\uFFFD" : null;
        };
    }

    private static String abbreviate(String template) {
        String oneLine = template.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
