package dev.crumb.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one stylesheet of the library's pages and the banner, served by the filter at
 * {@code <prefix>/crumb.<hash>.css}. The name carries a hash of the content, so the file can be cached
 * for a year ({@code immutable}) and a new Crumb release is fetched at once; pages carry no inline style,
 * so a content security policy of {@code style-src 'self'} holds without nonces.
 */
public final class Stylesheet {

    private static final byte[] CONTENT = read();

    /** The file name, e.g. {@code crumb.3f2a9c1b7d0e.css}. */
    public static final String FILE_NAME = "crumb." + hash(CONTENT) + ".css";

    private Stylesheet() {
    }

    /** The stylesheet's address for pages of {@code request}'s application. */
    public static String href(HttpServletRequest request, String prefix) {
        return request.getContextPath() + prefix + "/" + FILE_NAME;
    }

    /** Writes the stylesheet with headers that let every cache keep it. */
    public static void serve(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/css;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(CONTENT.length);
        response.getOutputStream().write(CONTENT);
    }

    private static byte[] read() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("crumb.css")) {
            if (in == null) {
                throw new IllegalStateException("crumb.css is missing from the Crumb jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
