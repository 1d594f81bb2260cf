package dev.crumb.demo.web;

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
        HtmlResponse.send(response, status, layout.page(request, titleOf(status), bodyOf(status)));
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "That request did not look right";
            case 404 -> "Page not found";
            case 405 -> "That does not work here";
            default -> status >= 500 ? "Something went wrong on our side" : "That did not work";
        };
    }

    private static Html bodyOf(int status) {
        Html explanation = switch (status) {
            case 400 -> Html.of("<p>The form or link you used sent something we could not understand. "
                    + "Please go back and try again.</p>");
            case 404 -> Html.of("<p>We could not find the page you asked for. It may have moved, or the "
                    + "address may have a typo.</p>");
            case 405 -> Html.of("<p>This page cannot be used that way. Please use the links and buttons on "
                    + "the site.</p>");
            default -> status >= 500
                    ? Html.of("<p>The problem is ours and has been logged. Please try again in a minute; if "
                            + "it keeps happening, call us on 1-800-555-0142.</p>")
                    : Html.of("<p>Please go back and try again.</p>");
        };
        return Html.of("""
                <section class="error-page" aria-labelledby="error-title">
                  <p class="eyebrow">Error {}</p>
                  <h1 id="error-title">{}</h1>
                  {}
                  <p class="actions"><a class="button" href="/">Go to the home page</a>
                  <a class="button button-secondary" href="/products">Browse products</a></p>
                </section>""", status, titleOf(status), explanation);
    }
}
