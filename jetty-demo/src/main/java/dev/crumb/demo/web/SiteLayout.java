package dev.crumb.demo.web;

import dev.crumb.Visitor;
import jakarta.servlet.http.HttpServletRequest;
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

    private record NavLink(String path, String label) {}

    private static final List<NavLink> NAVIGATION = List.of(
            new NavLink("/products", "Products"),
            new NavLink("/support", "Support"),
            new NavLink("/contact", "Contact"),
            new NavLink("/account", "Account"),
            new NavLink("/cart", "Cart"));

    private record Choice(String code, String label) {}

    private static final List<Choice> COUNTRIES = List.of(
            new Choice("US", "United States"), new Choice("CA", "Canada"), new Choice("GB", "United Kingdom"),
            new Choice("DE", "Germany"), new Choice("FR", "France"), new Choice("NL", "Netherlands"));

    // The languages Crumb is configured with (DemoServer); the consent banner and pages exist in each.
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
     * @param tagSignals    Crumb's consent signals for tag managers (in {@code <head>}), or {@link Html#EMPTY}
     */
    public record Chrome(String currentPath, Html consentBanner, Html csrfField, String country, String language,
                         Html tagSignals) {
        public Chrome {
            Objects.requireNonNull(tagSignals, "tagSignals");
            Objects.requireNonNull(currentPath, "currentPath");
            Objects.requireNonNull(consentBanner, "consentBanner");
            Objects.requireNonNull(csrfField, "csrfField");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(language, "language");
        }

        /** The frame of a page rendered outside a request, for example in a test or a preview. */
        public static Chrome outsideRequest(String currentPath) {
            return new Chrome(currentPath, Html.EMPTY, Html.EMPTY, "US", "en", Html.EMPTY);
        }

        static Chrome of(HttpServletRequest request) {
            Optional<Visitor> visitor = CrumbHooks.visitor(request);
            return new Chrome(request.getRequestURI(), CrumbHooks.consentBanner(request),
                    CrumbHooks.csrfField(request), visitor.map(Visitor::country).orElse("US"),
                    visitor.map(Visitor::language).orElse("en"), CrumbHooks.tagConsentSignals(request));
        }
    }

    /** Renders a whole page for {@code request} with {@code main} as its main content. */
    public Html page(HttpServletRequest request, String title, Html main) {
        return page(Chrome.of(request), title, main);
    }

    /** Renders a whole page; the pure form of {@link #page(HttpServletRequest, String, Html)}. */
    public Html page(Chrome chrome, String title, Html main) {
        return Html.of("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{} · {}</title>
                <link rel="stylesheet" href="/static/site.css">
                <link rel="icon" href="data:,">
                {}</head>
                <body>
                <a class="skip-link" href="#main">Skip to main content</a>
                {}
                {}
                <main id="main" class="wrap" tabindex="-1">
                {}
                </main>
                {}
                </body>
                </html>
                """, title, COMPANY, chrome.tagSignals(), header(chrome), chrome.consentBanner(), main, footer());
    }

    private Html header(Chrome chrome) {
        return Html.of("""
                <header class="site-header">
                  <div class="topbar"><div class="wrap topbar-inner">
                    <p class="topbar-note">Free delivery on orders over $100<span class="wide-only"> · Help line 1-800-555-0142, Mon–Fri 8 am–6 pm</span></p>
                    {}
                  </div></div>
                  <div class="wrap header-inner">
                    <a class="brand" href="/">{}<span>Crumb <strong>Office Supply</strong></span></a>
                    <nav class="site-nav" aria-label="Main">
                      <ul>{}</ul>
                    </nav>
                  </div>
                </header>""", localeSelector(chrome), LOGO, navigation(chrome.currentPath()));
    }

    private Html navigation(String currentPath) {
        return NAVIGATION.stream()
                .map(link -> Html.of("<li><a href=\"{}\"{}>{}</a></li>", link.path(),
                        isCurrent(link.path(), currentPath) ? Html.trusted(" aria-current=\"page\"") : Html.EMPTY,
                        link.label()))
                .collect(Html.joining());
    }

    private static boolean isCurrent(String linkPath, String currentPath) {
        return currentPath.equals(linkPath) || currentPath.startsWith(linkPath + "/");
    }

    private Html localeSelector(Chrome chrome) {
        return Html.of("""
                <details class="locale">
                  <summary>Country &amp; language</summary>
                  <form class="locale-form" method="post" action="{}">
                    {}
                    <input type="hidden" name="return" value="{}">
                    <label for="locale-country">Country</label>
                    <select id="locale-country" name="country" autocomplete="country">{}</select>
                    <label for="locale-language">Language</label>
                    <select id="locale-language" name="language">{}</select>
                    <button type="submit" class="button button-small">Save</button>
                  </form>
                </details>""", CrumbHooks.LOCALE_ACTION, chrome.csrfField(), chrome.currentPath(),
                options(withCurrent(COUNTRIES, chrome.country()), chrome.country()),
                options(LANGUAGES, chrome.language()));
    }

    /** The list with the visitor's own country added when it is not among the usual ones. */
    private static List<Choice> withCurrent(List<Choice> choices, String country) {
        if (choices.stream().anyMatch(choice -> choice.code().equals(country))) {
            return choices;
        }
        String name = "ZZ".equals(country) ? "Other country" : new Locale("", country).getDisplayCountry(Locale.US);
        List<Choice> all = new ArrayList<>(choices);
        all.add(new Choice(country, name));
        return all;
    }

    private static Html options(List<Choice> choices, String selected) {
        return choices.stream()
                .map(choice -> Html.of("<option value=\"{}\"{}>{}</option>", choice.code(),
                        choice.code().equals(selected) ? Html.trusted(" selected") : Html.EMPTY, choice.label()))
                .collect(Html.joining());
    }

    private Html footer() {
        return Html.of("""
                <footer class="site-footer">
                  <div class="wrap footer-grid">
                    <section aria-labelledby="footer-company">
                      <h2 id="footer-company">{}</h2>
                      <address>400 Harbor Lane, Suite 12<br>Portland, OR 97201<br>1-800-555-0142</address>
                    </section>
                    <nav aria-labelledby="footer-help">
                      <h2 id="footer-help">Help</h2>
                      <ul>
                        <li><a href="/support">Product support</a></li>
                        <li><a href="/contact">Contact us</a></li>
                        <li><a href="/privacy">Privacy policy</a></li>
                        <li><a href="/crumb/consent">Cookie settings</a></li>
                        <li><a href="/crumb/me">Your data</a></li>
                        <li><a href="/crumb/unsubscribe">Unsubscribe from news</a></li>
                      </ul>
                    </nav>
                    <nav aria-labelledby="footer-shop">
                      <h2 id="footer-shop">Shop</h2>
                      <ul>
                        <li><a href="/products">All products</a></li>
                        <li><a href="/cart">Cart</a></li>
                        <li><a href="/account">Your account</a></li>
                        <li><a href="/analytics">Site analytics (staff)</a></li>
                      </ul>
                    </nav>
                  </div>
                  <div class="wrap"><p class="footer-note">A fictional shop: the demo site of the Crumb library. Nothing here is for sale.</p></div>
                </footer>""", COMPANY);
    }
}
