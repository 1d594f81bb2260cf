package dev.crumb.demo.shop;

import dev.crumb.Category;
import dev.crumb.Visitor;
import dev.crumb.demo.pages.SavedDetails;
import dev.crumb.demo.web.CrumbHooks;
import dev.crumb.demo.web.Html;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The account page at {@code /account}: the details the site remembers for the visitor and their order
 * history. Crumb keeps a browser without its cookie away from this page (cookie-required path). The
 * demo shop takes no orders, so the history is always empty.
 */
public final class AccountServlet extends HttpServlet {

    private final SiteLayout layout;

    /** Creates the servlet rendering into {@code layout}. */
    public AccountServlet(SiteLayout layout) {
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Visitor> visitor = CrumbHooks.visitor(request);
        Map<String, String> saved = visitor.map(Visitor::savedForm).orElse(Map.of());
        boolean preferences = visitor.map(v -> v.consents(Category.PREFERENCES)).orElse(false);
        HtmlResponse.send(response, layout.page(request, "Your account", Html.of("""
                <h1>Your account</h1>
                <div class="two-columns">
                  <section class="panel" aria-labelledby="saved-details-title">
                    <h2 id="saved-details-title">Saved details</h2>
                    {}
                  </section>
                  <section class="panel" aria-labelledby="orders-title">
                    <h2 id="orders-title">Order history</h2>
                    <p>No orders yet.</p>
                    <p class="fine-print">This demo shop has no checkout, so no orders will appear here.</p>
                  </section>
                </div>
                <section aria-labelledby="your-data-title">
                  <h2 id="your-data-title">Your data</h2>
                  <p>See what this site knows about you, or ask it to forget you, on the
                  <a href="/crumb/me">your data</a> page. Read how we handle it in our
                  <a href="/privacy">privacy policy</a>.</p>
                </section>""", savedDetails(saved, preferences))));
    }

    private static Html savedDetails(Map<String, String> saved, boolean preferences) {
        if (!saved.isEmpty()) {
            return Html.of("""
                    {}
                    <p class="fine-print">Kept in this browser's cookie, encrypted, to fill in our forms for you.
                    Change them by sending a form with new details; remove them on the
                    <a href="/crumb/me">your data</a> page.</p>""", SavedDetails.list(saved));
        }
        return Html.of("""
                <p id="no-saved-details">No details saved yet.</p>
                <p>{}</p>""", preferences
                ? Html.of("Send the <a href=\"/contact\">contact form</a> and the name and address you type "
                        + "are remembered here, so you do not have to type them again.")
                : Html.of("If you allow preference cookies in the <a href=\"/crumb/consent?return=/account\">cookie "
                        + "settings</a>, the name and address you type into the <a href=\"/contact\">contact "
                        + "form</a> are remembered here, so you do not have to type them again."));
    }
}
