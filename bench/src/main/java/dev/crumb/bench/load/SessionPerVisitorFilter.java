package dev.crumb.bench.load;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The peer Crumb is compared with: what a site does without Crumb to know a returning visitor, a
 * container {@code HttpSession} per visitor, created on the first request and found again by its
 * {@code JSESSIONID} cookie afterwards.
 */
final class SessionPerVisitorFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.getSession(true);
        chain.doFilter(request, response);
    }
}
