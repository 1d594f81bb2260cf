package dev.crumb.internal.web;

import dev.crumb.internal.visitor.VisitorSession;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The value of the {@code crumb.banner} request attribute: the banner's HTML, rendered only when a page
 * actually prints it (JSP/EL and template engines call {@link #toString()}). Rendering costs an HMAC
 * for the CSRF token and a template; most requests — assets, JSON, pages without the banner — never
 * need it, so the filter must not pay for it on every request.
 */
public final class LazyBannerHtml implements CharSequence {

    private final ConsentBanner banner;
    private final HttpServletRequest request;
    private final VisitorSession session;
    private String html;

    public LazyBannerHtml(ConsentBanner banner, HttpServletRequest request, VisitorSession session) {
        this.banner = banner;
        this.request = request;
        this.session = session;
    }

    @Override
    public String toString() {
        if (html == null) {
            html = banner.html(request, session);
        }
        return html;
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }
}
