package dev.crumb.testsupport;

import dev.crumb.Crumb;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application for tracking tests: HTML pages and every kind of response that must not count.
 * {@code /page}, {@code /products/*}: HTML; {@code /text}: plain text; {@code /redirect}: 302;
 * {@code /missing}: 404 through {@code sendError}; {@code /fake.js}: HTML under an asset name;
 * {@code /async}: HTML written from another thread; {@code /dashboard}: prints {@code Crumb.isAnalyst}.
 */
public final class TrackingPages {

    private TrackingPages() {
    }

    /** The servlets by path mapping. */
    public static Map<String, HttpServlet> servlets() {
        Map<String, HttpServlet> s = new LinkedHashMap<>();
        s.put("/page", new Html());
        s.put("/products/*", new Html());
        s.put("/fake.js", new Html());
        s.put("/text", new Text());
        s.put("/redirect", new Redirect());
        s.put("/missing", new Missing());
        s.put("/async", new Async());
        s.put("/dashboard", new Dashboard());
        return s;
    }

    static final class Html extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<!DOCTYPE html><title>Page</title><p>Hello</p>");
        }
    }

    static final class Text extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("plain");
        }
    }

    static final class Redirect extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            // setStatus + Location rather than sendRedirect: on the test class path Tomcat 11 (Servlet 6.1)
            // meets the Servlet 6.0 API jar, whose wrapper's sendRedirect(String) Tomcat does not implement.
            resp.setContentType("text/html;charset=UTF-8");
            resp.setStatus(302);
            resp.setHeader("Location", "/page");
            resp.getWriter().print("<!DOCTYPE html><a href=\"/page\">moved</a>");
        }
    }

    static final class Missing extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }

    static final class Async extends HttpServlet {
        Async() {
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                try {
                    resp.setContentType("text/html;charset=UTF-8");
                    resp.getWriter().print("<!DOCTYPE html><p>async</p>");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
        }
    }

    static final class Dashboard extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("analyst=" + Crumb.isAnalyst(req));
        }
    }
}
