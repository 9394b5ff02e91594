package io.ziiklb.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} as the one role that token stands for (the
 * operator's {@code ZIIKLB_OPERATOR_TOKEN}, or the scraper's {@code ZIIKLB_METRICS_TOKEN}),
 * compared in constant time. Leaves other requests as they are, for the security chain to refuse.
 */
final class OperatorTokenFilter extends OncePerRequestFilter {
    private final byte[] token;
    private final String principal;
    private final String role;

    /** @param token null or blank: the operator API is off, no request is the operator */
    OperatorTokenFilter(String token) {
        this(token, "operator", "ROLE_OPERATOR");
    }

    /** @param token null or blank: no request gets {@code role} this way */
    OperatorTokenFilter(String token, String principal, String role) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.principal = principal;
        this.role = role;
    }

    /** One per token: two of these filters in one chain must not take each other for having run. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return OperatorTokenFilter.class.getName() + "." + principal + ".FILTERED";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean unauthenticated = SecurityContextHolder.getContext().getAuthentication() == null;
        if (token != null && unauthenticated && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
            var authenticated = new UsernamePasswordAuthenticationToken(principal, null,
                    List.of(new SimpleGrantedAuthority(role)));
            SecurityContextHolder.getContext().setAuthentication(authenticated);
        }
        chain.doFilter(request, response);
    }
}
