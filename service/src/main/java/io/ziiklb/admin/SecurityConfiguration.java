package io.ziiklb.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what outside the pages: {@code /api/v1/**} needs the operator token, or the session
 * of a Ziik administrator signed in at the console (who then sees only their tenant's
 * integrations: {@link TenantGuard}); {@code /actuator/prometheus} the metrics token
 * ({@code ZIIKLB_METRICS_TOKEN}, which opens nothing else) or the operator's; health, webhook
 * deliveries (authenticated by their secret path and signature) and SSO launches (by their signed
 * token) are open. A change made with a session needs its CSRF token; one made with a bearer token
 * carries no cookie to forge, so needs none, and a request with a bearer token is judged by that
 * token alone, its session not consulted ({@link BearerRequests}). Each refusal leaves one INFO line
 * ({@link RefusedRequests}). The pages have a chain of their own ({@code io.ziiklb.console}), before
 * this one, for their addresses only: any other address, known or not, is the API's (401 without a
 * token, so that a stranger cannot tell routes from non-routes).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessToken operatorToken(@Value("${ziiklb.operator-token:}") String token) {
        return new AccessToken(token);
    }

    /** After the pages' chain, which takes the console's own addresses: everything else is the API's. */
    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, AccessToken operatorToken,
                                 @Value("${ziiklb.metrics-token:}") String metricsToken) throws Exception {
        return http
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::changeBySession))
                // a console session is read, never made: an API call alone leaves no cookie behind
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerRequests(), AnonymousAuthenticationFilter.class)
                .addFilterBefore(OperatorTokenFilter.operator(operatorToken), AnonymousAuthenticationFilter.class)
                .addFilterBefore(OperatorTokenFilter.metrics(new AccessToken(metricsToken)), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/hooks/**", "/error").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(Viewer.OPERATOR_ROLE, OperatorTokenFilter.METRICS_ROLE)
                        .requestMatchers("/api/**").hasAnyAuthority(Viewer.OPERATOR_ROLE, Viewer.ADMIN_ROLE)
                        .requestMatchers("/actuator/**").hasAuthority(Viewer.OPERATOR_ROLE)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, refusal) -> {
                            RefusedRequests.unauthorized(request);
                            ErrorBodies.unauthorized(request, response, refusal);
                        })
                        .accessDeniedHandler((request, response, refusal) -> {
                            RefusedRequests.forbidden(request);
                            ErrorBodies.forbidden(request, response, refusal);
                        }))
                .build();
    }

    /**
     * A change to the API made with a session and without a bearer token: only a browser can be
     * behind it. A request with neither is not asked for a token: it is refused as unauthenticated (401).
     */
    private static boolean changeBySession(HttpServletRequest request) {
        if (request.getRequestedSessionId() == null) {
            return false;
        }
        String method = request.getMethod();
        boolean safe = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
                || HttpMethod.TRACE.matches(method);
        return !safe && request.getRequestURI().startsWith("/api/") && !BearerRequests.bearer(request);
    }

    /**
     * No observation per security filter per request: they cost more than they tell (each filter of
     * every request, webhook deliveries included, was wrapped in one). Requests are still observed
     * as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** No user accounts: stops Spring Boot from making (and logging) a default password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
