package dev.crumb.demo.pages;

import dev.crumb.Crumb;
import dev.crumb.FormSaveResult;
import dev.crumb.Html;
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
 * The product support form at {@code /support}, a "reply only" form, with its thank-you page at
 * {@code /support/thanks}.
 */
public final class SupportServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SupportServlet.class);

    /** The form's fields, labelled in the language of {@code t}. */
    private record Fields(Field name, Field email, Field serial, Field message) {
        static Fields in(SiteTexts t) {
            return new Fields(Field.required("name", t.get("field.name"), "text", "name"),
                    Field.required("email", t.get("field.email"), "email", "email"),
                    Field.required("serial", t.get("field.serial"), "text", "off").withHint(t.get("support.serialHint")),
                    Field.required("message", t.get("support.problem"), "text", "off"));
        }
    }

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
            HtmlResponse.send(response, formPage(request, SupportRequest.prefilled(saved),
                    new FormProblems(SiteTexts.of(request))));
        } else if (pathInfo.equals("/thanks")) {
            SiteTexts t = SiteTexts.of(request);
            HtmlResponse.send(response, layout.page(request, t.get("support.thanksTitle"), Html.of("""
                    <div class="narrow confirmation">
                      <h1>%s</h1>
                      <p class="lead">%s</p>
                      %s
                      <p class="actions"><a class="button" href="/products">%s</a></p>
                    </div>""", t.get("support.thanksHeading"), t.get("support.thanksLead"),
                    ContactServlet.savedNote(request, "/support", t), t.get("thanks.backToShop")), t.lang()));
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
        FormProblems problems = form.problems(SiteTexts.of(request));
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
        SiteTexts t = SiteTexts.of(request);
        Fields fields = Fields.in(t);
        return layout.page(request, problems.isEmpty() ? t.get("support.title")
                        : t.format("form.titleWithProblems", t.get("support.title")),
                Html.of("""
                <div class="narrow">
                <h1>%s</h1>
                <p class="lead">%s</p>
                <p class="note"><strong>%s</strong> %s</p>
                %s
                <form class="form" method="post" action="/support" novalidate>
                  %s
                  %s%s%s%s
                  <p><button type="submit" class="button">%s</button></p>
                </form>
                </div>""",
                t.get("support.title"), t.get("support.lead"), t.get("support.replyOnly"), t.get("support.replyOnlyText"),
                FormControls.problemSummary(problems, t), CrumbHooks.csrfField(request),
                FormControls.input(fields.name(), form.name(), problems, t),
                FormControls.input(fields.email(), form.email(), problems, t),
                FormControls.input(fields.serial(), form.serialNumber(), problems, t),
                FormControls.textArea(fields.message(), form.message(), problems, t), t.get("support.send")), t.lang());
    }
}
