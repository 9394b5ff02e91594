package io.ziiklb.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} as the one principal that token stands for
 * (the operator for {@code ZIIKLB_OPERATOR_TOKEN}, the scraper for {@code ZIIKLB_METRICS_TOKEN}),
 * for this request only. Leaves other requests as they are, for the security chain to judge.
 */
final class OperatorTokenFilter extends OncePerRequestFilter {
    static final String METRICS_ROLE = "ROLE_METRICS";

    private final AccessToken token;
    private final String name;
    private final Supplier<Authentication> principal;

    private OperatorTokenFilter(AccessToken token, String name, Supplier<Authentication> principal) {
        this.token = token;
        this.name = name;
        this.principal = principal;
    }

    static OperatorTokenFilter operator(AccessToken token) {
        Viewer operator = Viewer.operator();
        return new OperatorTokenFilter(token, "operator",
                () -> UsernamePasswordAuthenticationToken.authenticated(operator, null, operator.authorities()));
    }

    static OperatorTokenFilter metrics(AccessToken token) {
        return new OperatorTokenFilter(token, "metrics", () -> UsernamePasswordAuthenticationToken.authenticated("metrics",
                null, List.of(new SimpleGrantedAuthority(METRICS_ROLE))));
    }

    /** One per token: two of these filters in one chain must not take each other for having run. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return OperatorTokenFilter.class.getName() + "." + name + ".FILTERED";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean unauthenticated = SecurityContextHolder.getContext().getAuthentication() == null;
        if (unauthenticated && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(header.substring(7))) {
            SecurityContextHolder.getContext().setAuthentication(principal.get());
        }
        chain.doFilter(request, response);
    }
}
