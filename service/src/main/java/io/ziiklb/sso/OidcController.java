package io.ziiklb.sso;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.jobs.OnDemandSync;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.ziik.ZiikException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /sso/{integrationId}/oidc/callback}: where the integration's identity provider sends the
 * browser back. The person it vouches for is the Ziik user whose email is the configured claim
 * (compared without regard to case), found through Learningbank as "Synchronise one user" finds an
 * email ({@link OnDemandSync#ziikUserByEmail}); then the same sign-in as a launch token's, and the
 * browser is remembered. A provider that refuses or fails leaves the sign-in page; a claim that is no
 * Ziik user's email, a page that says so.
 */
@Controller
class OidcController {
    private static final Logger LOG = LoggerFactory.getLogger(OidcController.class);

    private final IntegrationStore integrations;
    private final SsoService sso;
    private final Launcher launcher;
    private final OidcSignIn oidc;
    private final OnDemandSync people;

    OidcController(IntegrationStore integrations, SsoService sso, Launcher launcher, OidcSignIn oidc, OnDemandSync people) {
        this.integrations = integrations;
        this.sso = sso;
        this.launcher = launcher;
        this.oidc = oidc;
        this.people = people;
    }

    @GetMapping("/sso/{id}/oidc/callback")
    String callback(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model)
            throws InterruptedException {
        LaunchController.noTrace(response);
        Optional<Integration> found = integrations.find(id);
        if (found.isEmpty() || sso.settings(id).isEmpty() || !found.get().enabled()) {
            return LaunchController.page(found.isEmpty() ? SsoPage.UNKNOWN : SsoPage.PAUSED, response, model);
        }
        Integration integration = found.get();
        OidcSignIn.Outcome outcome = oidc.finish(id, request, response);
        Launcher.Session session;
        try {
            session = launcher.open(integration);
        } catch (LearningbankException | ZiikException e) {
            return LaunchController.page(SsoPage.UNREACHABLE, response, model);
        }
        return switch (outcome) {
            case OidcSignIn.Outcome.Stale stale -> {
                LOG.info("identity provider's answer for integration {} refused: no sign-in of this browser waits for it", id);
                yield LaunchController.page(SsoPage.BAD_TOKEN, response, model);
            }
            case OidcSignIn.Outcome.AskThePerson ask -> "redirect:" + ask.redirectUrl();
            case OidcSignIn.Outcome.Refused refused -> {
                LOG.info("identity provider of integration {} did not sign the person in ({}); the sign-in page instead", id,
                        refused.why());
                yield LaunchController.signInPage(id, refused.target(), session.platformUrl(), response, model);
            }
            case OidcSignIn.Outcome.Known known -> signIn(integration, session, known, request, response, model);
        };
    }

    private String signIn(Integration integration, Launcher.Session session, OidcSignIn.Outcome.Known known,
                          HttpServletRequest request, HttpServletResponse response, Model model) throws InterruptedException {
        Optional<String> path = LaunchTarget.pathOn(known.target(), session.platformUrl());
        if (path.isEmpty()) {
            return LaunchController.page(SsoPage.BAD_TARGET, response, model);
        }
        Optional<Long> ziikUser;
        try {
            ziikUser = people.ziikUserByEmail(integration, known.claimValue());
        } catch (LearningbankException e) {
            return LaunchController.page(SsoPage.UNREACHABLE, response, model);
        }
        if (ziikUser.isEmpty()) {
            LOG.info("identity provider of integration {} signed in someone who is no Ziik user's email", integration.id());
            return LaunchController.page(SsoPage.NO_SUCH_USER, response, model);
        }
        LaunchController.remember(launcher, integration.id(), ziikUser.get(), request, response);
        return launcher.signIn(integration, session, ziikUser.get(), path.get(), response, model);
    }
}
