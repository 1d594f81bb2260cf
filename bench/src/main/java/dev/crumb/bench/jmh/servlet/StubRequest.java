package dev.crumb.bench.jmh.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain GET request for micro-benchmarks: fixed URI, headers and cookies, and a request-scoped
 * attribute map that {@link #recycle} clears, as a container does between requests. Whatever a
 * benchmark should not reach throws, naming the method, so a new dependency of the filter shows up
 * instead of being timed silently.
 */
public final class StubRequest implements HttpServletRequest {

    private final String uri;
    private final Map<String, String> headers;
    private final Cookie[] cookies;
    private final Map<String, Object> attributes = new HashMap<>();

    /**
     * @param uri     the request URI (the context path is empty)
     * @param headers header values by lower-case name
     * @param cookies the cookies the browser sent, or {@code null} for none; they are also the request's
     *                {@code Cookie} header, which Crumb reads instead of {@link #getCookies()}
     */
    public StubRequest(String uri, Map<String, String> headers, Cookie[] cookies) {
        this.uri = uri;
        Map<String, String> all = new HashMap<>(headers);
        if (cookies != null && cookies.length > 0) {
            StringBuilder header = new StringBuilder();
            for (Cookie c : cookies) {
                header.append(header.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
            }
            all.put("cookie", header.toString());
        }
        this.headers = Map.copyOf(all);
        this.cookies = cookies == null ? null : cookies.clone();
    }

    /** Forgets the attributes of the previous request. */
    public void recycle() {
        attributes.clear();
    }

    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public Enumeration<String> getAttributeNames() { return Collections.enumeration(attributes.keySet()); }
    @Override public void setAttribute(String name, Object o) { attributes.put(name, o); }
    @Override public void removeAttribute(String name) { attributes.remove(name); }
    @Override public Cookie[] getCookies() { return cookies; }
    @Override public String getHeader(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    @Override public Enumeration<String> getHeaders(String name) {
        String v = getHeader(name);
        return Collections.enumeration(v == null ? List.of() : List.of(v));
    }
    @Override public Enumeration<String> getHeaderNames() { return Collections.enumeration(headers.keySet()); }
    @Override public String getMethod() { return "GET"; }
    @Override public String getRequestURI() { return uri; }
    @Override public String getContextPath() { return ""; }
    @Override public String getServletPath() { return uri; }
    @Override public String getPathInfo() { return null; }
    @Override public String getQueryString() { return null; }
    @Override public StringBuffer getRequestURL() { return new StringBuffer("http://localhost").append(uri); }
    @Override public boolean isSecure() { return false; }
    @Override public String getScheme() { return "http"; }
    @Override public String getServerName() { return "localhost"; }
    @Override public int getServerPort() { return 80; }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public DispatcherType getDispatcherType() { return DispatcherType.REQUEST; }
    @Override public String getCharacterEncoding() { return null; }
    @Override public void setCharacterEncoding(String env) { }
    @Override public int getContentLength() { return -1; }
    @Override public long getContentLengthLong() { return -1; }
    @Override public String getContentType() { return null; }
    @Override public Locale getLocale() { return Locale.ENGLISH; }
    @Override public Enumeration<Locale> getLocales() { return Collections.enumeration(List.of(Locale.ENGLISH)); }
    @Override public String getRemoteAddr() { return "127.0.0.1"; }
    @Override public String getRemoteHost() { return "127.0.0.1"; }
    @Override public int getRemotePort() { return 50000; }
    @Override public String getLocalName() { return "localhost"; }
    @Override public String getLocalAddr() { return "127.0.0.1"; }
    @Override public int getLocalPort() { return 80; }
    @Override public boolean isAsyncStarted() { return false; }
    @Override public boolean isAsyncSupported() { return false; }
    @Override public String getRequestedSessionId() { return null; }
    @Override public boolean isRequestedSessionIdValid() { return false; }
    @Override public boolean isRequestedSessionIdFromCookie() { return false; }
    @Override public boolean isRequestedSessionIdFromURL() { return false; }
    @Override public String getAuthType() { return null; }
    @Override public String getRemoteUser() { return null; }
    @Override public Principal getUserPrincipal() { return null; }
    @Override public boolean isUserInRole(String role) { return false; }
    @Override public String getPathTranslated() { return null; }

    @Override public long getDateHeader(String name) { throw unsupported("getDateHeader"); }
    @Override public int getIntHeader(String name) { throw unsupported("getIntHeader"); }
    @Override public HttpSession getSession(boolean create) { throw unsupported("getSession"); }
    @Override public HttpSession getSession() { throw unsupported("getSession"); }
    @Override public String changeSessionId() { throw unsupported("changeSessionId"); }
    @Override public boolean authenticate(HttpServletResponse response) { throw unsupported("authenticate"); }
    @Override public void login(String username, String password) { throw unsupported("login"); }
    @Override public void logout() { throw unsupported("logout"); }
    @Override public Collection<Part> getParts() { throw unsupported("getParts"); }
    @Override public Part getPart(String name) { throw unsupported("getPart"); }
    @Override public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) { throw unsupported("upgrade"); }
    @Override public ServletInputStream getInputStream() { throw unsupported("getInputStream"); }
    @Override public BufferedReader getReader() { throw unsupported("getReader"); }
    @Override public String getParameter(String name) { throw unsupported("getParameter"); }
    @Override public Enumeration<String> getParameterNames() { throw unsupported("getParameterNames"); }
    @Override public String[] getParameterValues(String name) { throw unsupported("getParameterValues"); }
    @Override public Map<String, String[]> getParameterMap() { throw unsupported("getParameterMap"); }
    @Override public RequestDispatcher getRequestDispatcher(String path) { throw unsupported("getRequestDispatcher"); }
    @Override public ServletContext getServletContext() { throw unsupported("getServletContext"); }
    @Override public AsyncContext startAsync() { throw unsupported("startAsync"); }
    @Override public AsyncContext startAsync(ServletRequest request, ServletResponse response) { throw unsupported("startAsync"); }
    @Override public AsyncContext getAsyncContext() { throw unsupported("getAsyncContext"); }
    @Override public String getRequestId() { throw unsupported("getRequestId"); }
    @Override public String getProtocolRequestId() { throw unsupported("getProtocolRequestId"); }
    @Override public ServletConnection getServletConnection() { throw unsupported("getServletConnection"); }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("StubRequest." + method + " is not part of the benchmarked path");
    }
}
