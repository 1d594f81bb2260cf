package dev.crumb.internal.web;

import dev.crumb.Html;
import java.util.regex.Pattern;

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

    /** The markup for the visitor's texts, or {@link Html#EMPTY}; a path is put below {@code contextPath}. */
    public Html html(Texts t, String contextPath) {
        Html b = Html.EMPTY;
        if (controllerName != null) {
            // The sentence is escaped piece by piece around its slot; the (escaped) name goes in, in bold.
            Html name = Html.of("<strong>%s</strong>", controllerName);
            String[] pieces = t.get("consent.controlledBy").split(Pattern.quote(NAME_SLOT), -1);
            b = Html.text(pieces[0]);
            for (int i = 1; i < pieces.length; i++) {
                b = b.append(name).append(Html.text(pieces[i]));
            }
        }
        if (privacyPolicyUrl != null) {
            String href = privacyPolicyUrl.startsWith("/") ? contextPath + privacyPolicyUrl : privacyPolicyUrl;
            Html link = Html.of("<a href=\"%s\">%s</a>", href, t.get("consent.privacyPolicy"));
            b = b.isEmpty() ? link : b.append(Html.of(" %s", link));
        }
        return b.isEmpty() ? Html.EMPTY : Html.of("<p class=\"crumb-first-layer\">%s</p>\n", b);
    }
}
