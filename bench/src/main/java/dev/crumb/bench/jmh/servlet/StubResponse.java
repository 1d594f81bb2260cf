package dev.crumb.bench.jmh.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response that keeps headers and body in memory and can be {@link #recycle recycled}, as a container
 * recycles its response objects. It commits only on an explicit flush, like a container whose buffer
 * is larger than the page.
 */
public final class StubResponse implements HttpServletResponse {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final CharArrayWriter chars = new CharArrayWriter(1024);
    private final PrintWriter writer = new PrintWriter(chars, false);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    private final ServletOutputStream stream = new ServletOutputStream() {
        @Override public void write(int b) { bytes.write(b); }
        @Override public void write(byte[] b, int off, int len) { bytes.write(b, off, len); }
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) { throw unsupported("setWriteListener"); }
    };
    private int status = 200;
    private String contentType;
    private String characterEncoding = "ISO-8859-1";
    private boolean committed;

    /** Clears everything the previous request wrote. */
    public void recycle() {
        headers.clear();
        chars.reset();
        bytes.reset();
        status = 200;
        contentType = null;
        characterEncoding = "ISO-8859-1";
        committed = false;
    }

    /** The first value of a header, or {@code null}. */
    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    /** How many characters and bytes of body were written. */
    public int bodyLength() {
        writer.flush();
        return chars.size() + bytes.size();
    }

    @Override public void addHeader(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value);
    }
    @Override public void setHeader(String name, String value) {
        List<String> values = new ArrayList<>(1);
        values.add(value);
        headers.put(name.toLowerCase(Locale.ROOT), values);
    }
    @Override public boolean containsHeader(String name) { return headers.containsKey(name.toLowerCase(Locale.ROOT)); }
    @Override public Collection<String> getHeaders(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : List.copyOf(values);
    }
    @Override public Collection<String> getHeaderNames() { return List.copyOf(headers.keySet()); }
    @Override public void setIntHeader(String name, int value) { setHeader(name, Integer.toString(value)); }
    @Override public void addIntHeader(String name, int value) { addHeader(name, Integer.toString(value)); }
    @Override public void setStatus(int sc) { status = sc; }
    @Override public int getStatus() { return status; }
    @Override public String getCharacterEncoding() { return characterEncoding; }
    @Override public void setCharacterEncoding(String charset) { characterEncoding = charset; }
    @Override public String getContentType() { return contentType; }
    @Override public void setContentType(String type) { contentType = type; }
    @Override public void setContentLength(int len) { setIntHeader("content-length", len); }
    @Override public void setContentLengthLong(long len) { setHeader("content-length", Long.toString(len)); }
    @Override public ServletOutputStream getOutputStream() { return stream; }
    @Override public PrintWriter getWriter() { return writer; }
    @Override public void setBufferSize(int size) { }
    @Override public int getBufferSize() { return 32 * 1024; }
    @Override public void flushBuffer() { committed = true; }
    @Override public void resetBuffer() { chars.reset(); bytes.reset(); }
    @Override public boolean isCommitted() { return committed; }
    @Override public void reset() { recycle(); }
    @Override public void setLocale(Locale loc) { }
    @Override public Locale getLocale() { return Locale.ENGLISH; }
    @Override public String encodeURL(String url) { return url; }
    @Override public String encodeRedirectURL(String url) { return url; }

    @Override public void addCookie(Cookie cookie) { throw unsupported("addCookie"); }
    @Override public void sendError(int sc, String msg) { throw unsupported("sendError"); }
    @Override public void sendError(int sc) { throw unsupported("sendError"); }
    @Override public void sendRedirect(String location) { throw unsupported("sendRedirect"); }
    @Override public void setDateHeader(String name, long date) { throw unsupported("setDateHeader"); }
    @Override public void addDateHeader(String name, long date) { throw unsupported("addDateHeader"); }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("StubResponse." + method + " is not part of the benchmarked path");
    }
}
