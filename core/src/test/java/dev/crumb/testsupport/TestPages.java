package dev.crumb.testsupport;

import dev.crumb.Crumb;
import dev.crumb.Visitor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Servlets that stand in for an application in integration tests. */
public final class TestPages {

    private TestPages() {
    }

    /**
     * The standard test application: {@code /page} echoes the visitor as plain key=value lines,
     * {@code /stream} writes a large body with an early flush, {@code /csrf} prints a CSRF token.
     */
    public static Map<String, HttpServlet> standard() {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put("/page", new VisitorEcho());
        servlets.put("/stream", new LargeStream());
        servlets.put("/csrf", new CsrfEcho());
        return servlets;
    }

    /** Parses the key=value lines that {@code /page} writes. */
    public static Map<String, String> parseEcho(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    static final class VisitorEcho extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Visitor v = Crumb.visitor(req);
            resp.setContentType("text/plain;charset=UTF-8");
            PrintWriter w = resp.getWriter();
            w.println("id=" + v.id());
            w.println("visit=" + v.visit());
            w.println("returning=" + v.returning());
            w.println("newVisit=" + v.newVisit());
            w.println("country=" + v.country());
            w.println("language=" + v.language());
            w.println("cookiesEnabled=" + v.cookiesEnabled());
            w.println("consentNeeded=" + v.consentNeeded());
            for (dev.crumb.Category c : dev.crumb.Category.values()) {
                w.println("consent." + c.id() + "=" + v.consents(c));
            }
        }
    }

    static final class LargeStream extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            PrintWriter w = resp.getWriter();
            w.print("<!DOCTYPE html><p>");
            w.flush();
            for (int i = 0; i < 5000; i++) {
                w.print("streamed content line " + i + "\n");
            }
            w.print("</p>");
        }
    }

    static final class CsrfEcho extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print(Crumb.csrfToken(req));
        }
    }
}
