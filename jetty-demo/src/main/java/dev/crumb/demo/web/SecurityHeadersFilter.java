package dev.crumb.demo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Adds the response headers every page of the site should carry. The site loads nothing from other
 * origins, so the content security policy can be strict; its only inline scripts are Crumb's consent
 * signals for tag managers, allowed by a fresh nonce per response (request attribute {@link #NONCE}).
 */
public final class SecurityHeadersFilter extends HttpFilter {

    /** The request attribute holding this response's CSP nonce. */
    public static final String NONCE = "demo.cspNonce";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self' 'nonce-%s'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", String.format(CONTENT_SECURITY_POLICY, nonce));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        chain.doFilter(request, response);
    }
}
