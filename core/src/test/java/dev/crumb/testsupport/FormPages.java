package dev.crumb.testsupport;

import dev.crumb.Crumb;
import dev.crumb.FormSaveResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application's forms as integration tests need them: {@code /contact} saves its fields through
 * {@link Crumb#saveForm} and records a ticked marketing opt-in; {@code /prefill} echoes the saved
 * fields; {@code /cart} stands for a page that needs a cookie; {@code /home} for one that does not.
 */
public final class FormPages {

    private FormPages() {
    }

    /** The standard test pages plus the form pages. */
    public static Map<String, HttpServlet> all() {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>(TestPages.standard());
        servlets.put("/contact", new Contact());
        servlets.put("/prefill", new Prefill());
        servlets.put("/cart", new Plain("cart ok"));
        servlets.put("/home", new Plain("home ok"));
        servlets.put("/session-link", new SessionLink());
        return servlets;
    }

    static final class Contact extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Map<String, String> fields = new LinkedHashMap<>();
            req.getParameterMap().forEach((k, v) -> {
                if (!k.equals("marketing") && !k.equals("csrf")) {
                    fields.put(k, v[0]);
                }
            });
            FormSaveResult result = Crumb.saveForm(req, fields);
            dev.crumb.OptInResult optIn = Crumb.emails(req).optIn(req.getParameter("email"),
                    dev.crumb.OptInEvidence.fromRequest(req, "contact", "marketing"));
            resp.setContentType("text/plain;charset=UTF-8");
            PrintWriter w = resp.getWriter();
            w.println("optIn=" + optIn);
            w.println("status=" + result.status());
            w.println("saved=" + new java.util.TreeSet<>(result.saved()));
            new TreeMap<>(result.skipped()).forEach((k, v) -> w.println("skipped." + k + "=" + v));
        }
    }

    static final class Prefill extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            PrintWriter w = resp.getWriter();
            w.println("cookiesEnabled=" + Crumb.visitor(req).cookiesEnabled());
            new TreeMap<>(Crumb.visitor(req).savedForm()).forEach((k, v) -> w.println("field." + k + "=" + v));
        }
    }

    /** An application that uses the container's session and encodes its links, as old code does. */
    static final class SessionLink extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            req.getSession(true);
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<a href=\"" + resp.encodeURL("/products") + "\">products</a>"
                    + "<a href=\"" + resp.encodeRedirectURL("/cart") + "\">cart</a>");
        }
    }

    static final class Plain extends HttpServlet {
        private final String text;

        Plain(String text) {
            this.text = text;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<!DOCTYPE html><p>" + text + " cookiesEnabled=" + Crumb.visitor(req).cookiesEnabled() + "</p>");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            doGet(req, resp);
        }
    }
}
