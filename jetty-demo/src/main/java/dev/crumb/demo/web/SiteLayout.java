package dev.crumb.demo.web;

import dev.crumb.Html;
import dev.crumb.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The frame around every page: head, header with logo, navigation and the country and language
 * selector, the slot for Crumb's consent banner, and the footer with the cookie settings link.
 */
public final class SiteLayout {

    /** The fictional company whose shop this is. */
    public static final String COMPANY = "Crumb Office Supply";

    private record NavLink(String path, String key) {}

    private static final List<NavLink> NAVIGATION = List.of(
            new NavLink("/products", "nav.products"),
            new NavLink("/support", "nav.support"),
            new NavLink("/contact", "nav.contact"),
            new NavLink("/account", "nav.account"),
            new NavLink("/cart", "nav.cart"));

    private record Choice(String code, String label) {}

    private static final List<String> COUNTRIES = List.of("US", "CA", "GB", "DE", "FR", "NL");

    // The languages of the demo's own pages (SiteTexts), each named in itself; Crumb's pages speak them too.
    private static final List<Choice> LANGUAGES = List.of(
            new Choice("en", "English"), new Choice("de", "Deutsch"), new Choice("fr", "Français"));

    private static final Html LOGO = Html.trusted("""
            <svg class="brand-mark" viewBox="0 0 32 32" width="34" height="34" aria-hidden="true" focusable="false">\
            <rect width="32" height="32" rx="8" fill="#14213d"/>\
            <path d="M9 6h10l6 6v14H9z" fill="#ffffff"/><path d="M19 6v6h6z" fill="#f4c95d"/>\
            <path d="M12.5 17h9M12.5 21h6" stroke="#14213d" stroke-width="2" stroke-linecap="round"/></svg>""");

    /**
     * What a page's frame needs to know about the request.
     *
     * @param currentPath   the request path, to mark the current navigation link and to come back to
     * @param consentBanner Crumb's banner fragment, or {@link Html#EMPTY}
     * @param csrfField     Crumb's hidden CSRF input for the header's form, or {@link Html#EMPTY}
     * @param country       the visitor's country as Crumb knows it, preselected in the header's form
     * @param language      the visitor's language as Crumb knows it, preselected in the header's form
     * @param consentLink   the address of Crumb's consent page with this page to return to
     * @param tagSignals    Crumb's consent signals for tag managers (in {@code <head>}), or {@link Html#EMPTY}
     */
    public record Chrome(String currentPath, Html consentBanner, Html csrfField, String country, String language,
                         String consentLink, Html tagSignals) {
        public Chrome {
            Objects.requireNonNull(tagSignals, "tagSignals");
            Objects.requireNonNull(currentPath, "currentPath");
            Objects.requireNonNull(consentBanner, "consentBanner");
            Objects.requireNonNull(csrfField, "csrfField");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(consentLink, "consentLink");
        }

        /** The frame's texts, in the visitor's language when the demo speaks it, else English. */
        public SiteTexts texts() {
            return SiteTexts.of(language);
        }

        /** The frame of a page rendered outside a request, for example in a test or a preview. */
        public static Chrome outsideRequest(String currentPath) {
            return new Chrome(currentPath, Html.EMPTY, Html.EMPTY, "US", "en", "/crumb/consent", Html.EMPTY);
        }

        static Chrome of(HttpServletRequest request) {
            Optional<Visitor> visitor = CrumbHooks.visitor(request);
            String query = request.getQueryString();
            String here = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
            return new Chrome(request.getRequestURI(), CrumbHooks.consentBanner(request),
                    CrumbHooks.csrfField(request), visitor.map(Visitor::country).orElse("US"),
                    visitor.map(Visitor::language).orElse("en"),
                    request.getContextPath() + "/crumb/consent?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8),
                    CrumbHooks.tagConsentSignals(request));
        }
    }

    /** Renders a whole page for {@code request} with {@code main} (English) as its main content. */
    public Html page(HttpServletRequest request, String title, Html main) {
        return page(Chrome.of(request), title, main);
    }

    /**
     * Renders a whole page whose title and main content are in {@code mainLang} (the frame is in the
     * visitor's language); a {@code lang} attribute on {@code <main>} marks content in another language.
     */
    public Html page(HttpServletRequest request, String title, Html main, String mainLang) {
        return page(Chrome.of(request), title, main, mainLang);
    }

    /** Renders a whole page; the pure form of {@link #page(HttpServletRequest, String, Html)}. */
    public Html page(Chrome chrome, String title, Html main) {
        return page(chrome, title, main, "en");
    }

    /** Renders a whole page with main content in {@code mainLang}. */
    public Html page(Chrome chrome, String title, Html main, String mainLang) {
        SiteTexts t = chrome.texts();
        // The banner comes first in <body>, before the skip link: a visitor meets the question before the page.
        return Html.of("""
                <!doctype html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title%s>%s · %s</title>
                <link rel="stylesheet" href="/static/site.css">
                <link rel="icon" href="data:,">
                %s</head>
                <body>
                %s
                <a class="skip-link" href="#main">%s</a>
                %s
                <main id="main" class="wrap" tabindex="-1"%s>
                %s
                </main>
                %s
                </body>
                </html>
                """, t.lang(), langIfOther(mainLang, t.lang()), title, COMPANY, chrome.tagSignals(), chrome.consentBanner(),
                t.get("skip"), header(chrome), langIfOther(mainLang, t.lang()), main, footer(chrome));
    }

    private static Html langIfOther(String lang, String pageLang) {
        return lang.equals(pageLang) ? Html.EMPTY : Html.of(" lang=\"%s\"", lang);
    }

    private Html header(Chrome chrome) {
        SiteTexts t = chrome.texts();
        return Html.of("""
                <header class="site-header">
                  <div class="topbar"><div class="wrap topbar-inner">
                    <p class="topbar-note">%s<span class="wide-only"> %s</span></p>
                    %s
                  </div></div>
                  <div class="wrap header-inner">
                    <a class="brand" href="/">%s<span>Crumb <strong>Office Supply</strong></span></a>
                    <nav class="site-nav" aria-label="%s">
                      <ul>%s</ul>
                    </nav>
                  </div>
                </header>""", t.get("topbar.note"), t.get("topbar.help"), localeSelector(chrome), LOGO, t.get("nav.label"),
                navigation(chrome.currentPath(), t));
    }

    private Html navigation(String currentPath, SiteTexts t) {
        return NAVIGATION.stream()
                .map(link -> Html.of("<li><a href=\"%s\"%s>%s</a></li>", link.path(),
                        isCurrent(link.path(), currentPath) ? Html.trusted(" aria-current=\"page\"") : Html.EMPTY,
                        t.get(link.key())))
                .collect(Html.joining());
    }

    private static boolean isCurrent(String linkPath, String currentPath) {
        return currentPath.equals(linkPath) || currentPath.startsWith(linkPath + "/");
    }

    private Html localeSelector(Chrome chrome) {
        SiteTexts t = chrome.texts();
        return Html.of("""
                <details class="locale">
                  <summary>%s</summary>
                  <form class="locale-form" method="post" action="%s">
                    %s
                    <input type="hidden" name="return" value="%s">
                    <label for="locale-country">%s</label>
                    <select id="locale-country" name="country" autocomplete="country">%s</select>
                    <label for="locale-language">%s</label>
                    <select id="locale-language" name="language">%s</select>
                    <button type="submit" class="button button-small">%s</button>
                  </form>
                </details>""", t.get("locale.summary"), CrumbHooks.LOCALE_ACTION, chrome.csrfField(), chrome.currentPath(),
                t.get("locale.country"), options(countries(chrome.country(), t), chrome.country()),
                t.get("locale.language"), languageOptions(chrome.language()), t.get("locale.save"));
    }

    /** The usual countries plus the visitor's own, named in the page's language. */
    private static List<Choice> countries(String country, SiteTexts t) {
        List<String> codes = new ArrayList<>(COUNTRIES);
        if (!codes.contains(country)) {
            codes.add(country);
        }
        return codes.stream().map(code -> new Choice(code, "ZZ".equals(code) ? t.get("locale.other")
                : new Locale("", code).getDisplayCountry(t.locale()))).toList();
    }

    /** Each language named in itself, marked with its own {@code lang} so screen readers pronounce it. */
    private static Html languageOptions(String selected) {
        return LANGUAGES.stream()
                .map(choice -> Html.of("<option value=\"%s\" lang=\"%s\"%s>%s</option>", choice.code(), choice.code(),
                        choice.code().equals(selected) ? Html.trusted(" selected") : Html.EMPTY, choice.label()))
                .collect(Html.joining());
    }

    private static Html options(List<Choice> choices, String selected) {
        return choices.stream()
                .map(choice -> Html.of("<option value=\"%s\"%s>%s</option>", choice.code(),
                        choice.code().equals(selected) ? Html.trusted(" selected") : Html.EMPTY, choice.label()))
                .collect(Html.joining());
    }

    private Html footer(Chrome chrome) {
        SiteTexts t = chrome.texts();
        return Html.of("""
                <footer class="site-footer">
                  <div class="wrap footer-grid">
                    <section aria-labelledby="footer-company">
                      <h2 id="footer-company">%s</h2>
                      <address>400 Harbor Lane, Suite 12<br>Portland, OR 97201<br>1-800-555-0142</address>
                    </section>
                    <nav aria-labelledby="footer-help">
                      <h2 id="footer-help">%s</h2>
                      <ul>
                        <li><a href="/support">%s</a></li>
                        <li><a href="/contact">%s</a></li>
                        <li><a href="/privacy">%s</a></li>
                        <li><a href="%s">%s</a></li>
                        <li><a href="/crumb/me">%s</a></li>
                        <li><a href="/crumb/unsubscribe">%s</a></li>
                      </ul>
                    </nav>
                    <nav aria-labelledby="footer-shop">
                      <h2 id="footer-shop">%s</h2>
                      <ul>
                        <li><a href="/products">%s</a></li>
                        <li><a href="/cart">%s</a></li>
                        <li><a href="/account">%s</a></li>
                        <li><a href="/analytics">%s</a></li>
                      </ul>
                    </nav>
                  </div>
                  <div class="wrap"><p class="footer-note">%s</p></div>
                </footer>""", COMPANY, t.get("footer.help"), t.get("footer.support"), t.get("footer.contact"),
                t.get("footer.privacy"), chrome.consentLink(), t.get("footer.cookies"), t.get("footer.data"),
                t.get("footer.unsubscribe"), t.get("footer.shop"), t.get("footer.allProducts"), t.get("footer.cart"),
                t.get("footer.account"), t.get("footer.analytics"), t.get("footer.note"));
    }
}
