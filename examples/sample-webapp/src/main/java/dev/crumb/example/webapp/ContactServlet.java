package dev.crumb.example.webapp;

import dev.crumb.Crumb;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The application's own form, guarded by Crumb's CSRF token ({@code Crumb.csrfToken} in a hidden field,
 * {@code Crumb.validCsrfToken} on the post). It works for visitors who block cookies too: the token's
 * cookieless proof counts for a post that shows it comes from this site.
 */
public final class ContactServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().print("<!doctype html><html lang=\"en\"><head><title>Contact</title></head><body>"
                + "<form method=\"post\" action=\"" + request.getContextPath() + "/contact\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Crumb.csrfToken(request) + "\">"
                + "<label>Name <input name=\"name\"></label><button>Send</button></form></body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Crumb.validCsrfToken(request, request.getParameter("csrf"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This form has expired; reload the page and send it again");
            return;
        }
        String name = request.getParameter("name");
        Crumb.saveForm(request, Map.of("name", name == null ? "" : name));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("Thank you");
    }
}
