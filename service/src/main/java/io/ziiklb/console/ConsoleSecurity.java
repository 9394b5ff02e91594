package io.ziiklb.console;

import io.ziiklb.admin.AccessToken;
import io.ziiklb.integration.PeerClients;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The pages' security: a session made at sign-in (a new session id then, against fixation), a CSRF
 * token in every form (kept in the session, never in a cookie), sign-out, and nothing but the
 * sign-in page and the static files without signing in. The session cookie's flags and idle
 * timeout are set in application.properties (HttpOnly, SameSite=Lax, Secure under https); under
 * https the pages also send Strict-Transport-Security.
 */
@Configuration
class ConsoleSecurity {
    static final String SIGN_IN = "/";

    @Bean
    SignInThrottle signInThrottle(JdbcClient jdbc, Clock clock) {
        return new SignInThrottle(jdbc, clock);
    }

    /** The session cookie is Secure whenever the service is reached over https ({@code ZIIKLB_PUBLIC_URL}). */
    @Bean
    org.springframework.boot.web.servlet.ServletContextInitializer secureSessionCookie(
            @org.springframework.beans.factory.annotation.Value("${ziiklb.public-url:}") String publicUrl) {
        return servletContext -> servletContext.getSessionCookieConfig().setSecure(publicUrl.startsWith("https://"));
    }

    /**
     * A refused form post (no CSRF token, or a wrong one) answered as a page with 403: without this
     * the refusal went to /error, which answers in the API's JSON shape. The forward to it is let
     * through signed out too, as the refusal of a forged sign-in is shown to someone not signed in.
     */
    private static AccessDeniedHandlerImpl refusedPage() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage(RefusedPage.PATH);
        return handler;
    }

    /** The console's addresses; every other one is the API's chain. */
    static final String[] PAGES = {SIGN_IN, "/signin", "/signout", "/integrations", "/integrations/**", "/webjars/**",
        "/console.css", "/sso/**"};

    @Bean
    @Order(1)
    SecurityFilterChain pagesChain(HttpSecurity http, PeerClients clients, AccessToken operatorToken, SignInThrottle throttle,
                                   @org.springframework.beans.factory.annotation.Value("${ziiklb.public-url:}") String publicUrl)
            throws Exception {
        boolean https = publicUrl.startsWith("https://");
        return http
                .securityMatcher(PAGES)
                // its own manager, without Spring Boot's global one as parent: with that parent, every
                // refusal reached the failure handler as the parent's BadCredentialsException, so the
                // page said "wrong password" to a non-administrator, a locked email, a wrong address
                .authenticationManager(new ProviderManager(new ZiikAdminSignIn(clients, operatorToken, throttle)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SIGN_IN, "/signin", "/webjars/**", "/console.css").permitAll()
                        // automatic sign-in's pages: who launches is decided there (a signed token, a remembered sign-in, a form)
                        .requestMatchers("/sso/**").permitAll()
                        // the refusal page, forwarded to, also for someone not signed in (a forged sign-in)
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.FORWARD).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl("/signin")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .authenticationDetailsSource(SignInDetails::of)
                        .defaultSuccessUrl("/integrations", true)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                "/?error=" + (e instanceof ZiikAdminSignIn.Refused r ? r.code() : "password"))))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedOut"))
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler(refusedPage()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // behind the proxy that ends TLS every request looks like http, and Spring's
                        // default (HSTS on secure requests only) sent none: the public URL decides
                        .httpStrictTransportSecurity(hsts -> {
                            if (https) {
                                hsts.requestMatcher(AnyRequestMatcher.INSTANCE).includeSubDomains(false).maxAgeInSeconds(31_536_000);
                            } else {
                                hsts.disable();
                            }
                        }))
                .build();
    }
}
