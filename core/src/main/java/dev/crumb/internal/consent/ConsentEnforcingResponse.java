package dev.crumb.internal.consent;

import dev.crumb.Category;
import dev.crumb.internal.http.CrumbResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The response the application sees: a {@link CrumbResponse} that lets a cookie out only when the
 * visitor consents to its category, whichever API the application uses — {@link #addCookie},
 * {@code addHeader}/{@code setHeader} with {@code Set-Cookie} in any letter case, before or after the
 * body starts. Consent is checked when the cookie is set, so a cookie never reaches the container's
 * header list without it. Crumb's own cookie bypasses this class (it goes to the wrapped response).
 */
public final class ConsentEnforcingResponse extends CrumbResponse {

    private static final String SET_COOKIE = "Set-Cookie";

    private final CookieGate gate;
    private final Predicate<Category> consents;
    private final String ownCookieName;

    /**
     * @param response      the container's response
     * @param beforeCommit  writes Crumb's cookie just before commit
     * @param gate          the consent check for application cookies
     * @param consents      the visitor's consent as it stands when a cookie is set
     * @param ownCookieName Crumb's cookie name, kept when the application replaces all cookies with setHeader
     */
    public ConsentEnforcingResponse(HttpServletResponse response, Runnable beforeCommit, CookieGate gate,
                                    Predicate<Category> consents, String ownCookieName) {
        super(response, beforeCommit);
        this.gate = Objects.requireNonNull(gate, "gate");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.ownCookieName = Objects.requireNonNull(ownCookieName, "ownCookieName");
    }

    @Override
    public void addCookie(Cookie cookie) {
        if (cookie != null && gate.allows(cookie.getName(), cookie.getMaxAge() == 0, consents)) {
            super.addCookie(cookie);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!isSetCookie(name) || allowed(value)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!isSetCookie(name)) {
            super.setHeader(name, value);
            return;
        }
        // setHeader replaces every earlier Set-Cookie: the application's, but never Crumb's own cookie,
        // which may already be on the wrapped response when the body has started.
        List<String> next = new ArrayList<>();
        for (String existing : wrapped().getHeaders(SET_COOKIE)) {
            if (ownCookieName.equals(SetCookieValues.name(existing))) {
                next.add(existing);
            }
        }
        if (value != null && allowed(value)) {
            next.add(value);
        }
        if (next.isEmpty()) {
            if (wrapped().containsHeader(SET_COOKIE)) {
                super.setHeader(SET_COOKIE, null);
            }
            return;
        }
        super.setHeader(SET_COOKIE, next.get(0));
        for (String more : next.subList(1, next.size())) {
            super.addHeader(SET_COOKIE, more);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!isSetCookie(name) || allowed(Integer.toString(value))) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (isSetCookie(name)) {
            setHeader(name, Integer.toString(value));
        } else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        // A date is no cookie pair: browsers would store it under an empty name, an unregistered cookie.
        if (!isSetCookie(name) || gate.allows("", false, consents)) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!isSetCookie(name) || gate.allows("", false, consents)) {
            super.setDateHeader(name, date);
        }
    }

    private boolean allowed(String headerValue) {
        return gate.allows(SetCookieValues.name(headerValue), gate.deletes(headerValue), consents);
    }

    private static boolean isSetCookie(String name) {
        return name != null && SET_COOKIE.equalsIgnoreCase(name.trim());
    }
}
