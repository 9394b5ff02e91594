package io.ziiklb.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what: {@code /api/v1/**} needs the operator token; {@code /actuator/prometheus} the
 * metrics token ({@code ZIIKLB_METRICS_TOKEN}, which opens nothing else) or the operator's; health,
 * webhook deliveries (authenticated by their secret path and signature) and SSO launches (by their
 * signed token) are open. No sessions, no cookies, so no CSRF to defend. Each refusal leaves one
 * INFO line ({@link RefusedRequests}).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, @Value("${ziiklb.operator-token:}") String operatorToken,
                                    @Value("${ziiklb.metrics-token:}") String metricsToken) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new OperatorTokenFilter(operatorToken), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new OperatorTokenFilter(metricsToken, "metrics", "ROLE_METRICS"),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/hooks/**", "/sso/**", "/error").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("OPERATOR", "METRICS")
                        .requestMatchers("/api/**", "/actuator/**").hasRole("OPERATOR")
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
