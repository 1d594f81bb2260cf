package dev.crumb.internal;

import dev.crumb.internal.consent.ConsentEnforcingResponse;
import dev.crumb.internal.consent.CookieGate;
import dev.crumb.internal.http.EchoMethods;
import dev.crumb.internal.http.PathPrefixes;
import dev.crumb.internal.tracking.PageTracker;
import dev.crumb.internal.visitor.ConsentDecisions;
import dev.crumb.internal.visitor.VisitorResolver;
import dev.crumb.internal.visitor.VisitorSession;
import dev.crumb.internal.web.CookieRequirement;
import dev.crumb.internal.web.Endpoints;
import dev.crumb.internal.web.Exchange;
import dev.crumb.internal.web.GpcDeclaration;
import dev.crumb.internal.web.LazyBannerHtml;
import dev.crumb.internal.web.Messages;
import dev.crumb.internal.web.Responses;
import dev.crumb.internal.web.Stylesheet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One request through Crumb: visitor → consent defaults → the library's endpoints or the application →
 * cookie → page-view tracking. Every capability it calls is an object with real "off" behaviour, so the
 * flow is the same whatever is configured. Built once by {@link CrumbEngine}.
 */
final class RequestFlow {

    /** The parts of consent the flow uses on every request. */
    record Consent(ConsentDecisions decisions, CookieGate cookieGate, CookieRequirement cookieRequirement) {
    }

    private final String prefix;
    /** Paths the flow compares with on every request, built once. */
    private final String stylesheetPath;
    private final String mePath;
    private final String meJsonPath;
    private final String cookieName;
    private final VisitorResolver visitors;
    private final CookieOutput cookies;
    private final Consent consent;
    private final Endpoints endpoints;
    private final Messages messages;
    private final GpcDeclaration gpc;
    private final PageTracker tracker;
    private final RequestContext.Capabilities capabilities;

    RequestFlow(String prefix, String cookieName, VisitorResolver visitors, CookieOutput cookies, Consent consent,
                Endpoints endpoints, Messages messages, GpcDeclaration gpc, PageTracker tracker,
                RequestContext.Capabilities capabilities) {
        this.prefix = prefix;
        this.stylesheetPath = prefix + "/" + Stylesheet.FILE_NAME;
        this.mePath = prefix + "/me";
        this.meJsonPath = prefix + "/me.json";
        this.cookieName = cookieName;
        this.visitors = visitors;
        this.cookies = cookies;
        this.consent = consent;
        this.endpoints = endpoints;
        this.messages = messages;
        this.gpc = gpc;
        this.tracker = tracker;
        this.capabilities = capabilities;
    }

    /** Runs one request through Crumb. */
    void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (EchoMethods.refused(request, response)) {
            // Before anything reads or echoes the request: TRACE would reflect HttpOnly cookies and credentials.
            return;
        }
        if (RequestContext.of(request) != null) {
            // A forward, include or error dispatch of a request Crumb already handles.
            chain.doFilter(request, response);
            return;
        }
        String path = pathWithinApplication(request);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && path.equals(GpcDeclaration.PATH)) {
            gpc.serve(response);
            return;
        }
        if (read && path.equals(stylesheetPath)) {
            Stylesheet.serve(response); // the same bytes for everyone: no visitor, no cookie
            return;
        }
        VisitorSession session = visitors.resolve(request);
        request.setAttribute(RequestContext.ATTRIBUTE, new RequestContext(session, capabilities));
        capabilities.analytics().attach(request, response);
        if (read) {
            // Defaults are recorded as pages are viewed; a POST (a refused one too) changes nothing but its own.
            // Only the visitor's own proof pages wait for the store; every other page just queues the default.
            if (path.equals(mePath) || path.equals(meJsonPath)) {
                consent.decisions().recordDefaultNow(session);
            } else {
                consent.decisions().recordDefaultOnce(session);
            }
        }
        ConsentEnforcingResponse wrapped = new ConsentEnforcingResponse(response,
                () -> cookies.write(session, request, response), consent.cookieGate(), session::consents, cookieName);
        if (PathPrefixes.within(path, prefix)) {
            endpoints.dispatch(new Exchange(request, wrapped, session, path.substring(prefix.length()),
                    messages.forLanguage(session.payload().language()), prefix));
        } else {
            serveApplication(request, wrapped, chain, session, path);
        }
        wrapped.beforeCommit();
        tracker.afterResponse(request, response, session, path);
    }

    /** A page of the application: probe or explain where a cookie is required, else the application. */
    private void serveApplication(HttpServletRequest request, ConsentEnforcingResponse wrapped, FilterChain chain,
                                  VisitorSession session, String path) throws IOException, ServletException {
        switch (consent.cookieRequirement().decide(request, path, session.arrivedWithCookie())) {
            case PROBE -> {
                wrapped.setHeader("Cache-Control", "no-store");
                wrapped.sendRedirect(CookieRequirement.probeTarget(request));
            }
            case EXPLAIN -> {
                session.markCookiesBlocked();
                Exchange exchange = new Exchange(request, wrapped, session, path,
                        messages.forLanguage(session.payload().language()), prefix);
                Responses.page(exchange, 403, exchange.texts().get("cookies.title"),
                        CookieRequirement.explanation(exchange.texts(), request.getContextPath() + "/",
                                request.getContextPath() + mePath));
            }
            case PROCEED -> {
                request.setAttribute(RequestContext.BANNER_ATTRIBUTE,
                        new LazyBannerHtml(capabilities.banner(), request, session));
                chain.doFilter(request, wrapped);
            }
        }
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        int semicolon = path.indexOf(';');
        return semicolon >= 0 ? path.substring(0, semicolon) : path;
    }
}
