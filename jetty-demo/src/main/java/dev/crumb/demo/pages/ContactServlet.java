package dev.crumb.demo.pages;

import dev.crumb.Crumb;
import dev.crumb.FormSaveResult;
import dev.crumb.OptInEvidence;
import dev.crumb.OptInResult;
import dev.crumb.Visitor;
import dev.crumb.demo.web.CrumbHooks;
import dev.crumb.demo.web.CsrfRefusal;
import dev.crumb.demo.web.FormControls;
import dev.crumb.demo.web.FormControls.Field;
import dev.crumb.demo.web.FormProblems;
import dev.crumb.demo.web.Html;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact form at {@code /contact} with its thank-you page at {@code /contact/thanks}. A valid post
 * redirects to the thank-you page; an invalid one shows the form again with the values typed and a
 * message at each field that needs attention.
 */
public final class ContactServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ContactServlet.class);

    static final Field NAME = Field.required("name", "Name", "text", "name");
    static final Field EMAIL = Field.required("email", "Email", "email", "email");
    static final Field STREET = Field.optional("street", "Street address", "text", "street-address");
    static final Field CITY = Field.optional("city", "City", "text", "address-level2");
    static final Field POSTCODE = Field.optional("postcode", "ZIP or postcode", "text", "postal-code");
    static final Field PHONE = Field.optional("phone", "Phone", "tel", "tel")
            .withHint("Only if you would rather we call you back.");
    static final Field MESSAGE = Field.required("message", "Message", "text", "off");

    /** The form name recorded with a marketing opt-in, as proof of where it was given. */
    static final String FORM_NAME = "contact";
    /** The opt-in checkbox: never ticked by default; the browser sends it only when the visitor ticks it. */
    static final String MARKETING_FIELD = "marketing";

    private final SiteLayout layout;
    private final CsrfRefusal csrf;

    /** Creates the servlet rendering into {@code layout}. */
    public ContactServlet(SiteLayout layout) {
        this.layout = layout;
        this.csrf = new CsrfRefusal(layout);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            // Crumb gives saved details only to a visitor who allowed preferences; otherwise it is empty.
            Map<String, String> saved = CrumbHooks.visitor(request).map(Visitor::savedForm).orElse(Map.of());
            HtmlResponse.send(response, formPage(request, ContactForm.prefilled(saved), new FormProblems()));
        } else if (pathInfo.equals("/thanks")) {
            HtmlResponse.send(response, thanksPage(request));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (csrf.refused(request, response, "/contact")) {
            return;
        }
        ContactForm form = ContactForm.from(request);
        FormProblems problems = form.problems();
        if (problems.isEmpty() && form.marketing()) {
            problems = optIn(request, form);
        }
        if (!problems.isEmpty()) {
            HtmlResponse.send(response, 422, formPage(request, form, problems));
            return;
        }
        // Only with preferences consent, and only the allow-listed details; Crumb says what it kept.
        FormSaveResult saved = Crumb.saveForm(request, form.detailsToSave());
        // A real shop would now queue the message for its service team; the demo only counts it, and
        // logs no name or address.
        LOG.info("contact message received (marketing opt-in: {})", form.marketing() ? "yes" : "no");
        HtmlResponse.seeOther(response, "/contact/thanks?saved=" + SavedDetails.outcomeCode(saved));
    }

    /**
     * Records the ticked opt-in: Crumb checks the box was ticked and no age under 13 was given, then keeps
     * a keyed hash of the address with the policy revision and the form name.
     */
    private static FormProblems optIn(HttpServletRequest request, ContactForm form) {
        OptInResult result = Crumb.emails(request).optIn(form.email(),
                OptInEvidence.fromRequest(request, FORM_NAME, MARKETING_FIELD));
        return switch (result) {
            case RECORDED, NOT_TICKED -> new FormProblems();
            case UNDER_13 -> new FormProblems().problem("email",
                    "We cannot send news to children under 13. Untick \"Send me news and offers\" to send your message.");
            case NOT_AN_ADDRESS -> new FormProblems().problem("email",
                    "We cannot send news to this address. Check it, or untick \"Send me news and offers\".");
        };
    }

    private Html formPage(HttpServletRequest request, ContactForm form, FormProblems problems) {
        return layout.page(request, problems.isEmpty() ? "Contact us" : "Contact us (please check the form)",
                Html.of("""
                <div class="narrow">
                <h1>Contact us</h1>
                <p class="lead">Questions about a product, a quote for your office, or anything else. We reply
                within one business day. Prefer the phone? Call 1-800-555-0142.</p>
                {}
                <form class="form" method="post" action="/contact" novalidate>
                  {}
                  {}{}
                  <fieldset>
                    <legend>Postal address <span class="optional">(optional)</span></legend>
                    {}{}{}
                  </fieldset>
                  {}{}
                  <div class="field field-checkbox">
                    <input id="marketing" name="marketing" type="checkbox" value="yes"{}>
                    <label for="marketing">Send me news and offers</label>
                    <p class="hint">About once a month. You can unsubscribe at any time.</p>
                  </div>
                  <p><button type="submit" class="button">Send message</button></p>
                  <p class="fine-print">We use your details to reply to you, as our <a href="/privacy">privacy
                  policy</a> explains.</p>
                </form>
                </div>""",
                FormControls.problemSummary(problems), CrumbHooks.csrfField(request),
                FormControls.input(NAME, form.name(), problems), FormControls.input(EMAIL, form.email(), problems),
                FormControls.input(STREET, form.street(), problems), FormControls.input(CITY, form.city(), problems),
                FormControls.input(POSTCODE, form.postcode(), problems),
                FormControls.input(PHONE, form.phone(), problems),
                FormControls.textArea(MESSAGE, form.message(), problems),
                form.marketing() ? Html.trusted(" checked") : Html.EMPTY));
    }

    private Html thanksPage(HttpServletRequest request) {
        return layout.page(request, "Thank you", Html.of("""
                <div class="narrow confirmation">
                  <h1>Thank you, your message is on its way</h1>
                  <p class="lead">We reply within one business day, usually sooner.</p>
                  {}
                  <p class="actions"><a class="button" href="/products">Back to the shop</a></p>
                </div>""", savedNote(request, "/contact")));
    }

    static Html savedNote(HttpServletRequest request, String formPath) {
        Map<String, String> saved = CrumbHooks.visitor(request).map(Visitor::savedForm).orElse(Map.of());
        return SavedDetails.note(request.getParameter("saved"), saved, formPath);
    }
}
