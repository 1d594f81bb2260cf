package dev.crumb.demo.web;

import dev.crumb.Html;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a rendered page with the right status, content type and caching. */
public final class HtmlResponse {

    /** The content type of every page. */
    public static final String CONTENT_TYPE = "text/html; charset=UTF-8";

    private HtmlResponse() {
    }

    /** Sends {@code page} as {@code text/html; charset=UTF-8} with status 200. */
    public static void send(HttpServletResponse response, Html page) throws IOException {
        send(response, HttpServletResponse.SC_OK, page);
    }

    /**
     * Sends {@code page} with {@code status}. Pages may show visitor-specific content (the cart, a
     * form's values), so they are marked private and are never stored by shared caches.
     */
    public static void send(HttpServletResponse response, int status, Html page) throws IOException {
        byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "private, no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Answers a successful form post with {@code 303 See Other}, so that reloading the next page does
     * not post the form again (Post/Redirect/Get).
     */
    public static void seeOther(HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }
}
