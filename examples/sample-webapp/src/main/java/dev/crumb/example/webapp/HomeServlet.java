package dev.crumb.example.webapp;

import dev.crumb.Crumb;
import dev.crumb.Visitor;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A page that sets a preference cookie ({@code theme}) and a marketing cookie ({@code ad_id}) the way any
 * application does, with {@code addCookie} and no thought of consent: Crumb lets each through only when
 * the visitor granted its category. The links and the banner carry the context path.
 */
public final class HomeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.addCookie(new Cookie("theme", "dark"));
        response.addCookie(new Cookie("ad_id", "a1b2c3"));
        Visitor visitor = Crumb.visitor(request);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.print("<!doctype html><html lang=\"en\"><head><title>Sample</title></head><body>");
        out.print("<h1>Sample application</h1>");
        out.print("<p id=\"visit\">Visit " + visitor.visit() + (visitor.returning() ? ", welcome back" : "") + "</p>");
        out.print("<p><a id=\"contact\" href=\"" + request.getContextPath() + "/contact\">Contact</a> ");
        out.print(Crumb.consentLinkHtml(request) + "</p>");
        out.print(Crumb.bannerHtml(request));
        out.print("</body></html>");
    }
}
