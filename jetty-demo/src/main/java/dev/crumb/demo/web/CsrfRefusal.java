package dev.crumb.demo.web;

import dev.crumb.Html;
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
        SiteTexts t = SiteTexts.of(request);
        HtmlResponse.send(response, HttpServletResponse.SC_FORBIDDEN, layout.page(request, t.get("csrf.title"),
                Html.of("""
                        <section class="error-page" id="csrf-refused" aria-labelledby="error-title">
                          <p class="eyebrow">%s</p>
                          <h1 id="error-title">%s</h1>
                          <p>%s</p>
                          <p>%s</p>
                          <p class="actions"><a class="button" href="%s">%s</a>
                          <a class="button button-secondary" href="/">%s</a></p>
                        </section>""", t.format("error.eyebrow", 403), t.get("csrf.heading"), t.get("csrf.text"),
                        t.get("csrf.phone"), backPath, t.get("csrf.back"), t.get("error.home")), t.lang()));
        return true;
    }
}
