package dev.crumb.internal;

import dev.crumb.EmailChoices;
import dev.crumb.FormSaveResult;
import dev.crumb.internal.analytics.AnalyticsFeature;
import dev.crumb.internal.email.EmailFeature;
import dev.crumb.internal.visitor.VisitorSession;
import dev.crumb.internal.web.ConsentBanner;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;

/**
 * What Crumb knows about one request it handles, under one request attribute: the visitor's session and
 * the capabilities {@code dev.crumb.Crumb} answers from (the banner, the analyst check, saving forms,
 * email choices). The engine puts it on the request; {@code Crumb} reads it, and nothing here knows
 * {@code Crumb}.
 */
public final class RequestContext {

    /** The one request attribute under which the engine keeps the context. */
    public static final String ATTRIBUTE = RequestContext.class.getName();

    /**
     * The request attribute holding the consent banner's markup for template engines (JSP/EL
     * {@code ${crumb.banner}}): documented as {@code Crumb.BANNER_ATTRIBUTE}, which has the same value.
     */
    public static final String BANNER_ATTRIBUTE = "crumb.banner";

    private final VisitorSession session;
    private final Capabilities capabilities;

    /** The per-engine parts every request's context shares. */
    record Capabilities(ConsentBanner banner, AnalyticsFeature analytics, SavedForms forms, EmailFeature emails) {
        Capabilities {
            Objects.requireNonNull(banner, "banner");
            Objects.requireNonNull(analytics, "analytics");
            Objects.requireNonNull(forms, "forms");
            Objects.requireNonNull(emails, "emails");
        }
    }

    RequestContext(VisitorSession session, Capabilities capabilities) {
        this.session = Objects.requireNonNull(session, "session");
        this.capabilities = capabilities;
    }

    /** The context of a request Crumb handles, or {@code null} when it did not handle it. */
    public static RequestContext of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestContext context ? context : null;
    }

    /** The visitor's session. */
    public VisitorSession session() {
        return session;
    }

    /** The consent banner for this page, {@code ""} when no choice is needed. */
    public String bannerHtml(HttpServletRequest request) {
        return capabilities.banner().html(request, session);
    }

    /** The link to the consent page, with this page as the return address. */
    public String consentLinkHtml(HttpServletRequest request) {
        return capabilities.banner().link(request, session);
    }

    /** Whether the request carries a valid analyst session; never when the analytics endpoints are off. */
    public boolean isAnalyst(HttpServletRequest request) {
        return capabilities.analytics().isAnalyst(request);
    }

    /** Saves the allow-listed fields of a submitted form in the visitor cookie of this response. */
    public FormSaveResult saveForm(Map<String, String> fields) {
        return capabilities.forms().save(session, fields);
    }

    /**
     * Marketing email choices.
     *
     * @throws IllegalStateException when no store is configured
     */
    public EmailChoices emails() {
        return capabilities.emails().choices();
    }
}
