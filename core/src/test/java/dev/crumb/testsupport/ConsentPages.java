package dev.crumb.testsupport;

import dev.crumb.Crumb;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Application pages for consent tests: {@code /set-cookie?via=…&name=…} sets a cookie through one of the
 * servlet API's ways, {@code /banner} prints the banner (the call, then the request attribute) and the
 * consent link — plus everything of {@link TestPages#standard()}.
 */
public final class ConsentPages {

    /** The ways {@code /set-cookie} can set its cookie, as the {@code via} parameter. */
    public static final String[] WAYS = {"addCookie", "addHeader", "setHeader", "lowerCaseHeader", "afterBodyStarts",
            "beforeFlushBuffer", "beforeSendRedirect", "beforeSendError", "setHeaderAfterBodyStarts"};

    private ConsentPages() {
    }

    /** The standard test pages and the consent pages. */
    public static Map<String, HttpServlet> all() {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>(TestPages.standard());
        servlets.put("/set-cookie", new CookieSetter());
        servlets.put("/banner", new BannerPage());
        servlets.put("/tags", new TagsPage());
        return servlets;
    }

    static final class CookieSetter extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String name = req.getParameter("name") == null ? "tracker" : req.getParameter("name");
            String via = req.getParameter("via");
            resp.setContentType("text/plain;charset=UTF-8");
            switch (via) {
                case "addCookie" -> resp.addCookie(new Cookie(name, "v1"));
                case "addHeader" -> resp.addHeader("Set-Cookie", name + "=v1; Path=/");
                case "lowerCaseHeader" -> resp.addHeader("set-cookie", name + "=v1; Path=/");
                case "setHeader" -> {
                    resp.addHeader("Set-Cookie", "earlier=v0; Path=/");
                    resp.setHeader("Set-Cookie", name + "=v1; Path=/");
                }
                case "setHeaderAfterBodyStarts" -> {
                    resp.addHeader("Set-Cookie", "earlier=v0; Path=/");
                    resp.getWriter().print("body started\n");
                    resp.setHeader("SET-COOKIE", name + "=v1; Path=/");
                }
                case "afterBodyStarts" -> {
                    resp.getWriter().print("body started\n");
                    resp.addCookie(new Cookie(name, "v1"));
                }
                case "beforeFlushBuffer" -> {
                    resp.addCookie(new Cookie(name, "v1"));
                    resp.flushBuffer();
                }
                case "afterFlushBuffer" -> {
                    resp.getWriter().print("committed\n");
                    resp.flushBuffer();
                    resp.addCookie(new Cookie(name, "v1"));
                }
                case "beforeSendRedirect" -> {
                    resp.addCookie(new Cookie(name, "v1"));
                    resp.sendRedirect("/page");
                    return;
                }
                case "beforeSendError" -> {
                    resp.addHeader("Set-Cookie", name + "=v1; Path=/");
                    resp.sendError(409);
                    return;
                }
                case "intHeader" -> resp.addIntHeader("Set-Cookie", 5);
                case "delete" -> resp.addHeader("Set-Cookie", name + "=; Max-Age=0; Path=/");
                case "lastMaxAgeStores" -> resp.addHeader("Set-Cookie", name + "=v1; Max-Age=0; Max-Age=31536000");
                case "maxAgeBeatsExpires" -> resp.addHeader("Set-Cookie",
                        name + "=v1; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age = 600");
                case "oldExpires" -> resp.addHeader("Set-Cookie", name + "=; Path=/; EXPIRES=Thu, 01 Jan 1970 00:00:00 GMT");
                default -> throw new IllegalArgumentException("unknown way " + via);
            }
            resp.getWriter().print("done");
        }
    }

    /** A page with the tag consent signals: {@code ?nonce=} is passed through as the page's CSP nonce. */
    static final class TagsPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            String nonce = req.getParameter("nonce");
            StringBuilder b = new StringBuilder();
            for (dev.crumb.Category c : dev.crumb.Category.values()) {
                b.append("<!--allows.").append(c.id()).append('=').append(Crumb.allows(req, c)).append("-->\n");
            }
            try {
                b.append(Crumb.googleConsentModeHtml(req, nonce)).append(Crumb.matomoConsentHtml(req, nonce));
            } catch (IllegalArgumentException e) {
                b.append("<!--nonce refused-->");
            }
            resp.getWriter().print(b);
        }
    }

    static final class BannerPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<main>page</main>\n<!--call-->" + Crumb.bannerHtml(req) + "<!--/call-->\n"
                    + "<!--attr-->" + req.getAttribute(Crumb.BANNER_ATTRIBUTE) + "<!--/attr-->\n"
                    + "<footer>" + Crumb.consentLinkHtml(req) + "</footer>");
        }
    }
}
