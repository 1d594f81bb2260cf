package dev.crumb.internal.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * Wraps the application's response so that Crumb's cookie is added at the last moment before the
 * response commits: on the first byte of the body, a flush, a redirect, an error, or when the filter
 * chain returns. Changes the application makes during the request (a consent choice, a saved form)
 * therefore still reach the cookie of this response.
 */
public class CrumbResponse extends HttpServletResponseWrapper {

    private final Runnable beforeCommit;
    private boolean hookRan;
    private ServletOutputStream stream;
    private PrintWriter writer;

    public CrumbResponse(HttpServletResponse response, Runnable beforeCommit) {
        super(response);
        this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
    }

    /** Runs the before-commit hook once, if the response has not committed already. */
    public final void beforeCommit() {
        if (!hookRan) {
            hookRan = true;
            if (!getResponse().isCommitted()) {
                beforeCommit.run();
            }
        }
    }

    /** The wrapped response, for the library's own headers that must bypass application-level filtering. */
    protected HttpServletResponse wrapped() {
        return (HttpServletResponse) getResponse();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new HookedStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new HookedWriter(super.getWriter()), false);
        }
        return writer;
    }

    /**
     * Returns the URL unchanged: Crumb never lets the container rewrite URLs with a session ID
     * ({@code ;jsessionid=…}), which would leak the ID into logs, bookmarks and {@code Referer} headers.
     */
    @Override
    public String encodeURL(String url) {
        return url;
    }

    /** Returns the URL unchanged, for the same reason as {@link #encodeURL}. */
    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        super.flushBuffer();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeCommit();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeCommit();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        super.sendRedirect(location);
    }

    private final class HookedStream extends ServletOutputStream {
        private final ServletOutputStream out;

        HookedStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            beforeCommit();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            beforeCommit();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            beforeCommit();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            beforeCommit();
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private final class HookedWriter extends Writer {
        private final PrintWriter out;

        HookedWriter(PrintWriter out) {
            this.out = out;
        }

        /** One character, straight on: {@code Writer}'s own would allocate a 2 KB buffer per response for it. */
        @Override
        public void write(int c) {
            beforeCommit();
            out.write(c);
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            beforeCommit();
            out.write(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            beforeCommit();
            out.write(str, off, len);
        }

        @Override
        public void flush() {
            beforeCommit();
            out.flush();
        }

        @Override
        public void close() {
            beforeCommit();
            out.close();
        }
    }
}
