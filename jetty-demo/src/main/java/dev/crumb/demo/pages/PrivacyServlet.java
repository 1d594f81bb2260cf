package dev.crumb.demo.pages;

import dev.crumb.Html;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.SiteTexts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The privacy policy at {@code /privacy}, with its list of revisions. The page around the policy speaks
 * the visitor's language; the policy text and the revisions' change notes are the legal document, which
 * the company publishes in English only, so they are marked {@code lang="en"} and the page says so.
 */
public final class PrivacyServlet extends HttpServlet {

    private final PrivacyPolicy policy;
    private final SiteLayout layout;

    /** Creates the servlet for {@code policy}. */
    public PrivacyServlet(PrivacyPolicy policy, SiteLayout layout) {
        this.policy = policy;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SiteTexts t = SiteTexts.of(request);
        boolean english = t.lang().equals("en");
        HtmlResponse.send(response, layout.page(request, t.get("privacy.title"), Html.of("""
                <article class="prose">
                <h1>%s</h1>
                <p class="lead">%s</p>
                <p class="note">%s</p>
                %s
                <section aria-labelledby="revisions-title">
                  <h2 id="revisions-title">%s</h2>
                  <p>%s</p>
                  <ol id="policy-revisions" class="revisions" reversed>%s</ol>
                </section>
                </article>""", t.get("privacy.title"), t.format("privacy.lead", SiteLayout.COMPANY),
                t.format("privacy.revision", policy.current()),
                english ? POLICY_TEXT : Html.of("""
                        <p class="note" id="policy-language">%s</p>
                        <div lang="en">%s</div>""", t.get("privacy.englishOnly"), POLICY_TEXT),
                t.get("privacy.revisions"), t.get("privacy.revisionsText"), revisionItems(t)), t.lang()));
    }

    private Html revisionItems(SiteTexts t) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.formatLocale());
        // The change notes belong to the (English) legal text; the heading of each revision is translated.
        Html changesLang = t.lang().equals("en") ? Html.EMPTY : Html.trusted(" lang=\"en\"");
        return policy.revisions().stream()
                .map(revision -> Html.of("""
                        <li%s><p><strong>%s</strong>%s%s</p><ul%s>%s</ul></li>""",
                        revision.number() == policy.current() ? Html.trusted(" aria-current=\"true\"") : Html.EMPTY,
                        t.format("privacy.revisionNumber", revision.number()),
                        revision.published() == null ? ""
                                : t.format("privacy.published", date.format(revision.published())),
                        revision.number() == policy.current() ? t.get("privacy.current") : "", changesLang,
                        revision.changes().stream().map(c -> Html.of("<li>%s</li>", c)).collect(Html.joining())))
                .collect(Html.joining());
    }

    // Adapted from a 2004 office-equipment maker's policy; the company, its addresses and numbers are
    // fictional. Trusted markup written here, not input.
    private static final Html POLICY_TEXT = Html.trusted("""
            <p>At Crumb Office Supply, privacy on the Internet means that:</p>
            <ul>
              <li>we tell you how we use any personal information you submit to us online;</li>
              <li>we keep personal information confidential and secure;</li>
              <li>you control the personal information you decide to submit to us;</li>
              <li>if you chose to receive news and offers by email, you can stop them at any time.</li>
            </ul>
            <p><strong>You do not need to give us any personal information to visit this site.</strong></p>

            <h2>What we ask for, and why</h2>
            <p>You can contact us online to ask a question, to learn more about a product, or to ask for help
            with a product you already have. Our forms ask for common details such as your name, phone number,
            email address or a product serial number. We ask for them to reply to you, and we ask only for the
            minimum we need. We use personal information submitted online to:</p>
            <ul>
              <li>answer questions from customers and visitors;</li>
              <li>provide customer support;</li>
              <li>send product news, updates and tips, if you asked for them;</li>
              <li>run the online shop and your account.</li>
            </ul>
            <p>We keep what you send us in confidence. We do not sell it or share it with third parties,
            except with the agents and partners who deliver an order for us, as described below. We may write
            to customers about administrative matters of their accounts. We share information with government
            agencies when the law requires it. Should the company merge or be acquired, personal information
            collected online stays subject to the promises of this policy.</p>
            <p>If you would rather not submit personal information online, call us on 1-800-555-0142.</p>
            <p>This site is not directed at children under 13, and we do not knowingly collect personal
            information from children.</p>

            <h2>Agents and partners</h2>
            <p>When you buy equipment or supplies or arrange service, we may pass the details needed to an
            authorized agent or partner who fulfils the order. They may use them only for that order, must
            keep them confidential and secure, and must handle them with the same care as we do.</p>

            <h2>News and offers: only with your consent</h2>
            <p>We send email about our products only to people who asked for it by ticking
            <em>Send me news and offers</em> on one of our forms. The box is never ticked for you. Some forms,
            such as the <a href="/support">product support form</a>, have no such box: they are
            <em>reply only</em> forms, used only to answer your request.</p>
            <p>To stop our email, use the unsubscribe link at the bottom of any of them (the
            <a href="/crumb/unsubscribe">unsubscribe page</a> explains how), or write to Marketing Privacy Preferences,
            Crumb Office Supply, 400 Harbor Lane, Suite 12, Portland, OR 97201.</p>

            <h2>Security</h2>
            <p>Only authorized staff, agents and partners may handle information submitted online. We keep it
            on password-protected servers in the United States, under our information security policies.
            Payment details are always sent encrypted and used only to complete the purchase and arrange
            delivery.</p>

            <h2>Cookies</h2>
            <p>A cookie is a small file that a web site keeps in your browser, so that the site can recognise
            your browser on a later visit.</p>
            <p>Our own cookie is <strong>necessary</strong> for the site: it holds a random visitor ID, your
            country and language, and which cookies you allowed, so we can respect your choice. With your
            consent we also use cookies for:</p>
            <ul>
              <li><strong>preferences</strong>: remembering your name and address so you do not have to type
              them into every form, and the products you recently viewed;</li>
              <li><strong>analytics</strong>: counting visitors over time, whether visits are new or repeat,
              and which pages are visited in one visit, so we can make the site more useful. Without this
              consent we count only how often each page is viewed, not by whom;</li>
              <li><strong>marketing</strong>: news and offers you asked for.</li>
            </ul>
            <p>You can change your choice at any time in the <a href="/crumb/consent">cookie settings</a>, and
            see what we know about your browser on the <a href="/crumb/me">your data</a> page. Information
            collected through cookies is kept confidential and not shared beyond the company and its
            authorized agents.</p>
            <p>Most browsers let you block cookies. If you do, some parts of this site will not work, including
            the shopping cart and your account.</p>
            """);
}
