package dev.crumb.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses {@code TRACE} (and Microsoft's {@code TRACK}) with 405 on every path the filter covers, before
 * anything else runs. A container's default TRACE answer echoes the request, HttpOnly cookies and
 * {@code Authorization} included, which a script on a page could then read (cross-site tracing). The
 * filter cannot know which methods the application's own paths accept, so {@code Allow} lists the
 * standard methods other than TRACE and CONNECT.
 */
public final class EchoMethods {

    /** What a refused request is told it may use instead. */
    public static final String ALLOW = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";

    private static final Set<String> REFUSED = Set.of("TRACE", "TRACK");

    private EchoMethods() {
    }

    /** Answers 405 and returns {@code true} when the request's method echoes it; else does nothing. */
    public static boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (method == null || !REFUSED.contains(method.toUpperCase(Locale.ROOT))) {
            return false;
        }
        byte[] body = "This server does not answer TRACE requests.\n".getBytes(StandardCharsets.US_ASCII);
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", ALLOW);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=US-ASCII");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return true;
    }
}
