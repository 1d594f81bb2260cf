package dev.crumb.demo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards the demo's own form posts (cart, contact, support) with Crumb's CSRF token and, when the token
 * is missing, expired or another visitor's, answers a friendly 403 page instead of doing anything.
 */
public final class CsrfRefusal {

    private final SiteLayout layout;

    /** Renders the refusal into {@code layout}. */
    public CsrfRefusal(SiteLayout layout) {
        this.layout = layout;
    }

    /**
     * Answers 403 and returns {@code true} when the request carries no valid token; returns {@code false}
     * and writes nothing when it does.
     */
    public boolean refused(HttpServletRequest request, HttpServletResponse response, String backPath)
            throws IOException {
        if (CrumbHooks.validCsrf(request)) {
            return false;
        }
        HtmlResponse.send(response, HttpServletResponse.SC_FORBIDDEN, layout.page(request, "Please try again",
                Html.of("""
                        <section class="error-page" id="csrf-refused" aria-labelledby="error-title">
                          <p class="eyebrow">Error 403</p>
                          <h1 id="error-title">That form has expired</h1>
                          <p>For your safety we only accept a form that this site showed you in the last two hours,
                          and nothing was sent or changed. Please go back, reload the page and send it again.</p>
                          <p>If it keeps happening, you can always reach us on 1-800-555-0142.</p>
                          <p class="actions"><a class="button" href="{}">Back to the form</a>
                          <a class="button button-secondary" href="/">Go to the home page</a></p>
                        </section>""", backPath)));
        return true;
    }
}
