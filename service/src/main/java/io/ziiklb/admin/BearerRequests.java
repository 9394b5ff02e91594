package io.ziiklb.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that brings {@code Authorization: Bearer} is judged by that token alone: the console
 * session its cookie may also carry is not consulted. Without this, a wrong bearer token beside a
 * session cookie was served as the session's administrator while the CSRF check, which exempts
 * bearer requests (a token is no ambient credential a forger could borrow), let it pass without a
 * token; the CSRF exemption is only sound when the bearer token is the only credential considered.
 * Runs before the token filters; the emptied context is this request's own and is never saved.
 */
final class BearerRequests extends OncePerRequestFilter {

    static boolean bearer(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (bearer(request)) {
            SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        }
        chain.doFilter(request, response);
    }
}
