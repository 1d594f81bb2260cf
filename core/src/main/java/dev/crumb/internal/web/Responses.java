package dev.crumb.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the library's responses: HTML pages in one plain layout, JSON through Jackson, and redirects.
 * Every response is {@code no-store} (it describes one visitor) and sniff-proof.
 */
public final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f6f7f9;margin:0;line-height:1.5}
            main{max-width:44rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
            h1{font-size:1.5rem;margin-top:0}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #d8dde3;vertical-align:top}
            th{width:35%;font-weight:600}
            button,.button{font:inherit;padding:.55rem 1rem;border-radius:.375rem;border:2px solid #0b5394;background:#0b5394;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
            button.secondary{background:#fff;color:#0b5394}
            button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #e8a317;outline-offset:2px}
            a{color:#0b5394}
            fieldset{border:1px solid #d8dde3;border-radius:.375rem;margin:0 0 1rem;padding:.75rem 1rem}
            label{display:block;margin:.35rem 0}
            .actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1rem}
            .note{color:#4a5560;font-size:.95rem}
            </style>
            </head>
            <body>
            <main id="crumb-main">
            <h1>{{title}}</h1>
            {{{body}}}
            </main>
            </body>
            </html>
            """;

    private Responses() {
    }

    /** Writes an HTML page in the library's layout; {@code bodyHtml} must already be escaped markup. */
    public static void page(HttpServletResponse response, int status, String title, String bodyHtml) throws IOException {
        page(response, status, "en", title, bodyHtml);
    }

    /** Writes an HTML page in the library's layout, in language {@code lang}. */
    public static void page(HttpServletResponse response, int status, String lang, String title, String bodyHtml)
            throws IOException {
        String html = Html.render(LAYOUT, Map.of("lang", lang, "title", title, "body", bodyHtml));
        write(response, status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer to a state-changing POST without a valid CSRF token: 403, nothing changed, and what to
     * do. {@code extraHtml} (already escaped markup, may be empty) follows the explanation.
     */
    public static void formExpired(HttpServletResponse response, String extraHtml) throws IOException {
        page(response, 403, "Please try again",
                "<p>This form has expired or did not come from this site. Reload the page and try again.</p>" + extraHtml);
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
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'self'");
    }
}
