package dev.crumb.demo.web;

import dev.crumb.Html;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Renders the site's error pages. Servlets call {@code response.sendError(status)} and the container
 * forwards here, so every error looks like the rest of the site and never shows a stack trace.
 */
public final class ErrorPageServlet extends HttpServlet {

    private final SiteLayout layout;

    /** Creates the servlet rendering into {@code layout}. */
    public ErrorPageServlet(SiteLayout layout) {
        this.layout = layout;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : HttpServletResponse.SC_NOT_FOUND;
        SiteTexts t = SiteTexts.of(request);
        String kind = kindOf(status);
        HtmlResponse.send(response, status, layout.page(request, t.get("error." + kind + ".title"),
                bodyOf(status, kind, t), t.lang()));
    }

    /** The key part of the texts for {@code status}: each has a title and a text in the bundle. */
    private static String kindOf(int status) {
        return switch (status) {
            case 400, 404, 405 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "other";
        };
    }

    private static Html bodyOf(int status, String kind, SiteTexts t) {
        return Html.of("""
                <section class="error-page" aria-labelledby="error-title">
                  <p class="eyebrow">%s</p>
                  <h1 id="error-title">%s</h1>
                  <p>%s</p>
                  <p class="actions"><a class="button" href="/">%s</a>
                  <a class="button button-secondary" href="/products">%s</a></p>
                </section>""", t.format("error.eyebrow", status), t.get("error." + kind + ".title"),
                t.get("error." + kind + ".text"), t.get("error.home"), t.get("error.products"));
    }
}
