package dev.crumb.bench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The trivial page every benchmark serves: a small HTML document, so the page itself costs next to nothing. */
public final class HelloPage {

    /** The page, about 300 bytes. */
    public static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Hello</title></head>
            <body>
            <h1>Hello</h1>
            <p>A small page served by the Crumb benchmark, the same on every server so that only the
            visitor handling around it differs.</p>
            </body>
            </html>
            """;

    private HelloPage() {
    }

    /** Writes the page as {@code text/html} in UTF-8. */
    public static void write(HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(HTML);
    }
}
