package dev.crumb.demo.pages;

import dev.crumb.Crumb;
import dev.crumb.FormSaveResult;
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
 * The product support form at {@code /support}, a "reply only" form, with its thank-you page at
 * {@code /support/thanks}.
 */
public final class SupportServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SupportServlet.class);

    static final Field NAME = Field.required("name", "Name", "text", "name");
    static final Field EMAIL = Field.required("email", "Email", "email", "email");
    static final Field SERIAL = Field.required("serial", "Product serial number", "text", "off")
            .withHint("On the label on the back of the machine, e.g. P200-4471-K.");
    static final Field MESSAGE = Field.required("message", "What is the problem?", "text", "off");

    private final SiteLayout layout;
    private final CsrfRefusal csrf;

    /** Creates the servlet rendering into {@code layout}. */
    public SupportServlet(SiteLayout layout) {
        this.layout = layout;
        this.csrf = new CsrfRefusal(layout);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            Map<String, String> saved = CrumbHooks.visitor(request).map(Visitor::savedForm).orElse(Map.of());
            HtmlResponse.send(response, formPage(request, SupportRequest.prefilled(saved), new FormProblems()));
        } else if (pathInfo.equals("/thanks")) {
            HtmlResponse.send(response, layout.page(request, "Request received", Html.of("""
                    <div class="narrow confirmation">
                      <h1>We have your support request</h1>
                      <p class="lead">A technician will reply by email within one business day.</p>
                      {}
                      <p class="actions"><a class="button" href="/products">Back to the shop</a></p>
                    </div>""", ContactServlet.savedNote(request, "/support"))));
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
        if (csrf.refused(request, response, "/support")) {
            return;
        }
        SupportRequest form = SupportRequest.from(request);
        FormProblems problems = form.problems();
        if (!problems.isEmpty()) {
            HtmlResponse.send(response, 422, formPage(request, form, problems));
            return;
        }
        // Reply only: the address answers this request and is never added to any mailing list, so there
        // is no opt-in here. Name, email and serial number may be remembered, with preferences consent.
        FormSaveResult saved = Crumb.saveForm(request, form.detailsToSave());
        LOG.info("support request received");
        HtmlResponse.seeOther(response, "/support/thanks?saved=" + SavedDetails.outcomeCode(saved));
    }

    private Html formPage(HttpServletRequest request, SupportRequest form, FormProblems problems) {
        return layout.page(request, problems.isEmpty() ? "Product support" : "Product support (please check the form)",
                Html.of("""
                <div class="narrow">
                <h1>Product support</h1>
                <p class="lead">Tell us which machine it is and what happens, and a technician will reply.</p>
                <p class="note"><strong>This is a reply-only form.</strong> We use your details only to answer
                this request, so there is no box for news and offers.</p>
                {}
                <form class="form" method="post" action="/support" novalidate>
                  {}
                  {}{}{}{}
                  <p><button type="submit" class="button">Send request</button></p>
                </form>
                </div>""",
                FormControls.problemSummary(problems), CrumbHooks.csrfField(request),
                FormControls.input(NAME, form.name(), problems), FormControls.input(EMAIL, form.email(), problems),
                FormControls.input(SERIAL, form.serialNumber(), problems),
                FormControls.textArea(MESSAGE, form.message(), problems)));
    }
}
