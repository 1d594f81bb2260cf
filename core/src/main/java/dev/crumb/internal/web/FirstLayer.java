package dev.crumb.internal.web;

import java.util.Map;

/**
 * Who is asking and where to read more, for the banner's first layer and the consent page: the data
 * controller's name ({@code controller-name}) and a link to the privacy policy ({@code privacy-policy-url}).
 * Regulators expect both on the first layer, not only behind "settings". Either may be missing; with
 * neither, nothing is rendered.
 *
 * @param controllerName   the site operator's name, or {@code null}
 * @param privacyPolicyUrl an http(s) URL or a site-relative path (checked by the configuration), or {@code null}
 */
public record FirstLayer(String controllerName, String privacyPolicyUrl) {

    /** Nothing configured. */
    public static final FirstLayer NONE = new FirstLayer(null, null);

    private static final String NAME_SLOT = "{0}";
    private static final String LINK = "<a href=\"{{href}}\">{{privacyPolicy}}</a>";

    /** The markup (escaped) for the visitor's texts, or {@code ""}; a path is put below {@code contextPath}. */
    public String html(Texts t, String contextPath) {
        StringBuilder b = new StringBuilder();
        if (controllerName != null) {
            // The sentence is escaped whole, then the (escaped) name goes into its slot, in bold.
            b.append(Html.escape(t.get("consent.controlledBy"))
                    .replace(NAME_SLOT, "<strong>" + Html.escape(controllerName) + "</strong>"));
        }
        if (privacyPolicyUrl != null) {
            String href = privacyPolicyUrl.startsWith("/") ? contextPath + privacyPolicyUrl : privacyPolicyUrl;
            b.append(b.length() > 0 ? " " : "").append(Html.render(LINK, Map.of("href", href,
                    "privacyPolicy", t.get("consent.privacyPolicy"))));
        }
        return b.length() == 0 ? "" : "<p class=\"crumb-first-layer\">" + b + "</p>\n";
    }
}
