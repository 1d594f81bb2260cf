package dev.crumb.demo.pages;

import dev.crumb.Crumb;
import dev.crumb.FormSaveResult;
import dev.crumb.Html;
import dev.crumb.OptInEvidence;
import dev.crumb.OptInResult;
import dev.crumb.Visitor;
import dev.crumb.demo.web.CrumbHooks;
import dev.crumb.demo.web.CsrfRefusal;
import dev.crumb.demo.web.FormControls;
import dev.crumb.demo.web.FormControls.Field;
import dev.crumb.demo.web.FormProblems;
import dev.crumb.demo.web.HtmlResponse;
import dev.crumb.demo.web.SiteLayout;
import dev.crumb.demo.web.SiteTexts;
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

    /** The form's fields, labelled in the language of {@code t}. */
    private record Fields(Field name, Field email, Field street, Field city, Field postcode, Field phone,
                          Field message) {
        static Fields in(SiteTexts t) {
            return new Fields(Field.required("name", t.get("field.name"), "text", "name"),
                    Field.required("email", t.get("field.email"), "email", "email"),
                    Field.optional("street", t.get("field.street"), "text", "street-address"),
                    Field.optional("city", t.get("field.city"), "text", "address-level2"),
                    Field.optional("postcode", t.get("field.postcode"), "text", "postal-code"),
                    Field.optional("phone", t.get("field.phone"), "tel", "tel").withHint(t.get("contact.phoneHint")),
                    Field.required("message", t.get("field.message"), "text", "off"));
        }
    }

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
            HtmlResponse.send(response, formPage(request, ContactForm.prefilled(saved),
                    new FormProblems(SiteTexts.of(request))));
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
        FormProblems problems = form.problems(SiteTexts.of(request));
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
        SiteTexts t = SiteTexts.of(request);
        return switch (result) {
            case RECORDED, NOT_TICKED -> new FormProblems(t);
            case UNDER_13 -> new FormProblems(t).problem("email", t.format("contact.optInUnder13", t.get("contact.optIn")));
            case NOT_AN_ADDRESS -> new FormProblems(t).problem("email", t.format("contact.optInRefused", t.get("contact.optIn")));
        };
    }

    private Html formPage(HttpServletRequest request, ContactForm form, FormProblems problems) {
        SiteTexts t = SiteTexts.of(request);
        Fields fields = Fields.in(t);
        return layout.page(request, problems.isEmpty() ? t.get("contact.title")
                        : t.format("form.titleWithProblems", t.get("contact.title")),
                Html.of("""
                <div class="narrow">
                <h1>%s</h1>
                <p class="lead">%s</p>
                %s
                <form class="form" method="post" action="/contact" novalidate>
                  %s
                  %s%s
                  <fieldset>
                    <legend>%s <span class="optional">%s</span></legend>
                    %s%s%s
                  </fieldset>
                  %s%s
                  <div class="field field-checkbox">
                    <input id="marketing" name="marketing" type="checkbox" value="yes"%s>
                    <label for="marketing">%s</label>
                    <p class="hint">%s</p>
                  </div>
                  <p><button type="submit" class="button">%s</button></p>
                  <p class="fine-print">%s</p>
                </form>
                </div>""",
                t.get("contact.title"), t.get("contact.lead"),
                FormControls.problemSummary(problems, t), CrumbHooks.csrfField(request),
                FormControls.input(fields.name(), form.name(), problems, t),
                FormControls.input(fields.email(), form.email(), problems, t),
                t.get("contact.address"), t.get("form.optional"),
                FormControls.input(fields.street(), form.street(), problems, t),
                FormControls.input(fields.city(), form.city(), problems, t),
                FormControls.input(fields.postcode(), form.postcode(), problems, t),
                FormControls.input(fields.phone(), form.phone(), problems, t),
                FormControls.textArea(fields.message(), form.message(), problems, t),
                form.marketing() ? Html.trusted(" checked") : Html.EMPTY, t.get("contact.optIn"),
                t.get("contact.optInHint"), t.get("contact.send"), t.html("contact.privacy")), t.lang());
    }

    private Html thanksPage(HttpServletRequest request) {
        SiteTexts t = SiteTexts.of(request);
        return layout.page(request, t.get("contact.thanksTitle"), Html.of("""
                <div class="narrow confirmation">
                  <h1>%s</h1>
                  <p class="lead">%s</p>
                  %s
                  <p class="actions"><a class="button" href="/products">%s</a></p>
                </div>""", t.get("contact.thanksHeading"), t.get("contact.thanksLead"), savedNote(request, "/contact", t),
                t.get("thanks.backToShop")), t.lang());
    }

    static Html savedNote(HttpServletRequest request, String formPath, SiteTexts t) {
        Map<String, String> saved = CrumbHooks.visitor(request).map(Visitor::savedForm).orElse(Map.of());
        return SavedDetails.note(request.getParameter("saved"), saved, formPath, t);
    }
}
