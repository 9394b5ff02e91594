package io.ziiklb.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <ZIIKLB_OPERATOR_TOKEN>} as the operator, for this
 * request only. Leaves other requests as they are for the security chain to judge.
 */
final class OperatorTokenFilter extends OncePerRequestFilter {
    private final OperatorToken token;

    OperatorTokenFilter(OperatorToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(header.substring(7))) {
            Viewer viewer = Viewer.operator();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(viewer, null, viewer.authorities()));
        }
        chain.doFilter(request, response);
    }
}
