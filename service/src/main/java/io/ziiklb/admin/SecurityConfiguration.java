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
 * Who may call what: {@code /api/v1/**} and the metrics need the operator token; health, webhook
 * deliveries (authenticated by their secret path and signature) and SSO launches (by their signed
 * token) are open. No sessions, no cookies, so no CSRF to defend.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, @Value("${ziiklb.operator-token:}") String operatorToken)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new OperatorTokenFilter(operatorToken), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/hooks/**", "/sso/**", "/error").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").hasRole("OPERATOR")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ErrorBodies::unauthorized)
                        .accessDeniedHandler(ErrorBodies::forbidden))
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
