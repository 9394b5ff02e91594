package io.ziiklb.console;

import io.ziiklb.admin.AccessToken;
import io.ziiklb.admin.Viewer;
import io.ziiklb.integration.PeerAddress;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.ziik.ZiikAccount;
import io.ziiklb.ziik.ZiikAuthenticationException;
import io.ziiklb.ziik.ZiikException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Signs a person in to the console: against their own Ziik ({@code POST /authenticate}, then
 * {@code GET /users/current} with their token), admitting only administrators, bound to that Ziik
 * (the tenant); or, with the operator token, as the operator. The person's password goes to their
 * Ziik once and is kept nowhere. Every outcome leaves one line at INFO.
 */
final class ZiikAdminSignIn implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ZiikAdminSignIn.class);

    /** Why a sign-in was refused: the page says it in words ({@code signin.error.<code>}). */
    static final class Refused extends AuthenticationException {
        private final String code;

        Refused(String code) {
            super(code);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** The throttle's key for operator-token attempts: no email has spaces or brackets. */
    static final String OPERATOR_KEY = "(operator token)";

    private final PeerClients clients;
    private final AccessToken operatorToken;
    private final SignInThrottle throttle;

    ZiikAdminSignIn(PeerClients clients, AccessToken operatorToken, SignInThrottle throttle) {
        this.clients = clients;
        this.operatorToken = operatorToken;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        SignInDetails details = attempt.getDetails() instanceof SignInDetails d ? d : new SignInDetails(null, null);
        if (details.operator()) {
            return operator(details.operatorToken());
        }
        String email = attempt.getName() == null ? "" : attempt.getName().trim();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String tenant;
        try {
            tenant = PeerAddress.ziik(details.address());
        } catch (IllegalArgumentException e) {
            throw new Refused("address");
        }
        if (email.isEmpty() || password.isEmpty()) {
            throw new Refused("password");
        }
        if (throttle.locked(email)) {
            LOG.info("console sign-in refused for {} at {}: too many failures", email, tenant);
            throw new Refused("locked");
        }
        ZiikAccount account;
        try {
            account = clients.ziik(tenant, email, password).currentAccount();
        } catch (ZiikAuthenticationException e) {
            throttle.failed(email, tenant);
            LOG.info("console sign-in refused for {} at {}: Ziik did not accept the password", email, tenant);
            throw new Refused("password");
        } catch (ZiikException | IllegalArgumentException e) {
            LOG.info("console sign-in failed for {} at {}: Ziik could not be reached", email, tenant);
            throw new Refused("unreachable");
        }
        if (!account.admin()) {
            throttle.succeeded(email, tenant);
            LOG.info("console sign-in refused for {} at {}: not a Ziik administrator", email, tenant);
            throw new Refused("not_admin");
        }
        throttle.succeeded(email, tenant);
        LOG.info("console sign-in: {} at {}", email, tenant);
        return signedIn(Viewer.ziikAdmin(tenant, account.email() == null ? email : account.email(), email));
    }

    /**
     * The operator token, throttled like an email (under a key no email can be): without it the
     * sign-in form was a way to guess the token as fast as requests go. Someone failing five times
     * keeps the operator out of the pages for 15 minutes, not out of the API, where the token works
     * as a bearer token regardless.
     */
    private Authentication operator(String token) {
        if (throttle.locked(OPERATOR_KEY)) {
            LOG.info("console sign-in refused for the operator: too many failures");
            throw new Refused("locked");
        }
        if (!operatorToken.matches(token)) {
            throttle.failed(OPERATOR_KEY, "");
            LOG.info("console sign-in refused: wrong operator token");
            throw new Refused("operator");
        }
        throttle.succeeded(OPERATOR_KEY, "");
        LOG.info("console sign-in: the operator");
        return signedIn(Viewer.operator());
    }

    private static Authentication signedIn(Viewer viewer) {
        return UsernamePasswordAuthenticationToken.authenticated(viewer, null, viewer.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
