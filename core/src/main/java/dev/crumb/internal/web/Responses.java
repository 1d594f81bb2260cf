package dev.crumb.internal.web;

import dev.crumb.Html;
import dev.crumb.internal.http.SafeRedirects;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the library's responses: HTML pages in one plain layout, JSON through Jackson, and redirects.
 * Every response is {@code no-store} (it describes one visitor) and sniff-proof.
 */
public final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="%s">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title>
            <link rel="stylesheet" href="%s">
            </head>
            <body class="crumb-page">
            <main id="crumb-main">
            <h1>%s</h1>
            %s
            </main>
            </body>
            </html>
            """;

    private Responses() {
    }

    /**
     * Writes an HTML page in the library's layout, in the exchange's language, linking the library's
     * stylesheet; {@code body} is in that language.
     */
    public static void page(Exchange exchange, int status, String title, Html body) throws IOException {
        String css = exchange.request().getContextPath() + exchange.prefix() + "/" + Stylesheet.FILE_NAME;
        page(exchange.response(), status, exchange.texts().lang(), title, body, css);
    }

    /** Writes an English HTML page in the library's layout; prefer {@link #page(Exchange, int, String, Html)}. */
    public static void page(HttpServletResponse response, int status, String title, Html body) throws IOException {
        page(response, status, "en", title, body);
    }

    /**
     * Writes an HTML page in language {@code lang}, linking the stylesheet under the default prefix
     * {@code /crumb}; prefer {@link #page(Exchange, int, String, Html)}, which knows the real one.
     */
    public static void page(HttpServletResponse response, int status, String lang, String title, Html body)
            throws IOException {
        page(response, status, lang, title, body, "/crumb/" + Stylesheet.FILE_NAME);
    }

    /** Writes an HTML page in language {@code lang} whose stylesheet is at {@code stylesheetHref}. */
    public static void page(HttpServletResponse response, int status, String lang, String title, Html body,
                            String stylesheetHref) throws IOException {
        Html html = Html.of(LAYOUT, lang, title, stylesheetHref, title, body);
        write(response, status, "text/html;charset=UTF-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer to a state-changing POST without a valid CSRF token: 403, nothing changed, and what to
     * do, in the visitor's language. {@code extra} (may be {@link Html#EMPTY}) follows.
     */
    public static void formExpired(Exchange exchange, Html extra) throws IOException {
        Texts t = exchange.texts();
        page(exchange, 403, t.get("form.expiredTitle"),
                Html.of("<p>%s</p>", t.get("form.expiredBody")).append(extra));
    }

    /** The English form of {@link #formExpired(Exchange, Html)}, for callers without an exchange. */
    public static void formExpired(HttpServletResponse response, Html extra) throws IOException {
        Texts t = Texts.english();
        page(response, 403, t.get("form.expiredTitle"),
                Html.of("<p>%s</p>", t.get("form.expiredBody")).append(extra));
    }

    /** Writes {@code value} as JSON. */
    public static void json(HttpServletResponse response, int status, Object value) throws IOException {
        write(response, status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(value));
    }

    /** Answers 303 See Other to a path that {@link SafeRedirects} accepted. */
    public static void seeOther(HttpServletResponse response, String safePath) {
        noStore(response);
        response.setStatus(303);
        response.setHeader("Location", safePath);
    }

    /** The JSON mapper the library uses, for callers that need to write JSON themselves. */
    public static ObjectMapper json() {
        return JSON;
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        noStore(response);
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'self'; "
                        + "base-uri 'none'");
    }
}
