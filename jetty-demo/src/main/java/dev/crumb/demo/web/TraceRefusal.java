package dev.crumb.demo.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code TRACE} and {@code TRACK} with 405 in front of the whole server, before any servlet or
 * filter: a TRACE answer echoes HttpOnly cookies and credentials. Crumb's filter refuses them too; this
 * covers whatever the filter does not (another context, a path outside the filter's mapping).
 */
public final class TraceRefusal extends Handler.Wrapper {

    private static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    public TraceRefusal(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("TRACE") && !method.equals("TRACK")) {
            return super.handle(request, response, callback);
        }
        response.setStatus(405);
        response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=US-ASCII");
        response.write(true, BufferUtil.toBuffer("This server does not answer TRACE requests.\n",
                StandardCharsets.US_ASCII), callback);
        return true;
    }
}
