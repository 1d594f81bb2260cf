package dev.crumb.demo.shop;

import dev.crumb.Category;
import dev.crumb.Html;
import dev.crumb.Visitor;
import dev.crumb.demo.pages.SavedDetails;
import dev.crumb.demo.web.CrumbHooks;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.SiteTexts;
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
        SiteTexts t = SiteTexts.of(request);
        HtmlResponse.send(response, layout.page(request, t.get("account.title"), Html.of("""
                <h1>%s</h1>
                <div class="two-columns">
                  <section class="panel" aria-labelledby="saved-details-title">
                    <h2 id="saved-details-title">%s</h2>
                    %s
                  </section>
                  <section class="panel" aria-labelledby="orders-title">
                    <h2 id="orders-title">%s</h2>
                    <p>%s</p>
                    <p class="fine-print">%s</p>
                  </section>
                </div>
                <section aria-labelledby="your-data-title">
                  <h2 id="your-data-title">%s</h2>
                  <p>%s</p>
                </section>""", t.get("account.title"), t.get("account.saved"), savedDetails(saved, preferences, t),
                t.get("account.orders"), t.get("account.noOrders"), t.get("account.noCheckout"), t.get("account.data"),
                t.html("account.dataText")), t.lang()));
    }

    private static Html savedDetails(Map<String, String> saved, boolean preferences, SiteTexts t) {
        if (!saved.isEmpty()) {
            return Html.of("""
                    %s
                    <p class="fine-print">%s</p>""", SavedDetails.list(saved, t), t.html("account.savedNote"));
        }
        return Html.of("""
                <p id="no-saved-details">%s</p>
                <p>%s</p>""", t.get("account.noSaved"),
                t.html(preferences ? "account.howToSave" : "account.howToSaveConsent"));
    }
}
