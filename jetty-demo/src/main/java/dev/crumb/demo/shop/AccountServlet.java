package dev.crumb.demo.shop;

import dev.crumb.demo.web.Html;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The account page at {@code /account}: the details the site remembers for the visitor and their order
 * history. The demo shop takes no orders, so the history is always empty.
 */
public final class AccountServlet extends HttpServlet {

    private final SiteLayout layout;

    /** Creates the servlet rendering into {@code layout}. */
    public AccountServlet(SiteLayout layout) {
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // crumb: the library guards this page: without a working cookie it explains that the account
        // needs one. The saved details below come from its saved-form API once wired.
        HtmlResponse.send(response, layout.page(request, "Your account", Html.of("""
                <h1>Your account</h1>
                <div class="two-columns">
                  <section class="panel" aria-labelledby="saved-details-title">
                    <h2 id="saved-details-title">Saved details</h2>
                    <p>No details saved yet.</p>
                    <p>If you allow preference cookies in the <a href="/crumb/consent">cookie settings</a>, the
                    name and address you type into the <a href="/contact">contact form</a> are remembered here,
                    so you do not have to type them again.</p>
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
                </section>""")));
    }
}
