package io.ziiklb.sso;

import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.integration.SsoSettings;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.ziik.ZiikAuthenticationException;
import io.ziiklb.ziik.ZiikException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /sso/{integrationId}/launch}: signs a Ziik user in to Learningbank and sends the browser
 * there. Who the person is comes from the first that applies: Ziik's launch token, this browser's
 * remembered sign-in, the integration's OpenID Connect provider ({@link OidcSignIn}), or the sign-in
 * page (the person's Ziik email and password). Then the linked, active Learningbank user gets a
 * one-time login link for the target's path. Every refusal is a
 * page with its status; no token, secret or login link is logged or sent on as a {@code Referer}.
 */
@Controller
class LaunchController {
    private static final Logger LOG = LoggerFactory.getLogger(LaunchController.class);
    static final String COOKIE = "ZIIKLB_SSO";

    private final IntegrationStore integrations;
    private final PeerClients clients;
    private final SsoService sso;
    private final Launcher launcher;
    private final OidcSignIn oidc;

    LaunchController(IntegrationStore integrations, PeerClients clients, SsoService sso, Launcher launcher, OidcSignIn oidc) {
        this.integrations = integrations;
        this.clients = clients;
        this.sso = sso;
        this.launcher = launcher;
        this.oidc = oidc;
    }

    @GetMapping("/sso/{id}/launch")
    String launch(@PathVariable String id, @RequestParam(required = false) String target,
                  @RequestParam(required = false) String token, HttpServletRequest request, HttpServletResponse response,
                  Model model) throws InterruptedException {
        noTrace(response);
        Optional<Integration> found = integrations.find(id);
        if (found.isEmpty()) {
            return page(SsoPage.UNKNOWN, response, model);
        }
        Integration integration = found.get();
        Optional<SsoSettings> settings = sso.settings(id);
        if (settings.isEmpty() || !integration.enabled()) {
            return page(SsoPage.PAUSED, response, model);
        }
        Launcher.Session session;
        try {
            session = launcher.open(integration);
        } catch (LearningbankException | ZiikException e) {
            LOG.info("launch of integration {} failed: Learningbank could not be reached", id);
            return page(SsoPage.UNREACHABLE, response, model);
        }
        Optional<String> path = LaunchTarget.pathOn(target, session.platformUrl());
        if (path.isEmpty()) {
            LOG.info("launch of integration {} refused: a target off the platform", id);
            return page(SsoPage.BAD_TARGET, response, model);
        }
        OptionalLong who;
        if (token != null) {
            who = launcher.tokens().verify(id, token, session.secret());
            if (who.isEmpty()) {
                LOG.info("launch of integration {} refused: a bad, expired or used launch token", id);
                return page(SsoPage.BAD_TOKEN, response, model);
            }
            remember(launcher, id, who.getAsLong(), request, response);
        } else {
            who = launcher.remembered().who(id, cookie(request));
        }
        if (who.isEmpty() && oidc.configured(id)) {
            try {
                return "redirect:" + oidc.start(id, target, true, request, response);
            } catch (OidcRegistrations.ProviderUnavailable e) {
                LOG.info("launch of integration {}: its identity provider cannot be used ({}); the sign-in page instead", id,
                        e.getMessage());
            }
        }
        if (who.isEmpty()) {
            return signInPage(id, target, session.platformUrl(), response, model);
        }
        return launcher.signIn(integration, session, who.getAsLong(), path.get(), response, model);
    }

    /** The sign-in page's form: the person's Ziik email and password, checked against the integration's Ziik. */
    @PostMapping("/sso/{id}/signin")
    String signIn(@PathVariable String id, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String target,
                  HttpServletRequest request, HttpServletResponse response, Model model) throws InterruptedException {
        noTrace(response);
        Optional<Integration> found = integrations.find(id);
        if (found.isEmpty() || sso.settings(id).isEmpty() || !found.get().enabled()) {
            return page(found.isEmpty() ? SsoPage.UNKNOWN : SsoPage.PAUSED, response, model);
        }
        Integration integration = found.get();
        long ziikUserId;
        try {
            ziikUserId = clients.ziik(integration.ziikBaseUrl(), email.trim(), password).currentAccount().id();
        } catch (ZiikAuthenticationException | IllegalArgumentException e) {
            LOG.info("automatic sign-in of integration {} refused: Ziik did not accept {}", id, email.trim());
            response.setStatus(401);
            formMayLandOn(launcher.open(integration).platformUrl(), response);
            model.addAttribute("integrationId", id);
            model.addAttribute("target", target);
            model.addAttribute("error", true);
            return "sso-signin";
        } catch (ZiikException e) {
            return page(SsoPage.UNREACHABLE, response, model);
        }
        Launcher.Session session = launcher.open(integration);
        Optional<String> path = LaunchTarget.pathOn(target, session.platformUrl());
        if (path.isEmpty()) {
            return page(SsoPage.BAD_TARGET, response, model);
        }
        remember(launcher, id, ziikUserId, request, response);
        return launcher.signIn(integration, session, ziikUserId, path.get(), response, model);
    }

    /** Forgets this browser's remembered sign-in for the integration. */
    @PostMapping("/sso/{id}/signout")
    String signOut(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        launcher.remembered().revoke(cookie(request));
        Cookie gone = cookie(id, "", 0, request);
        response.addCookie(gone);
        return page(SsoPage.SIGNED_OUT, response, model);
    }

    /** The sign-in page: the person's Ziik email and password, for when nothing else tells who they are. */
    static String signInPage(String id, String target, String platformUrl, HttpServletResponse response, Model model) {
        model.addAttribute("integrationId", id);
        model.addAttribute("target", target == null ? "" : target);
        formMayLandOn(platformUrl, response);
        return "sso-signin";
    }

    /** This browser is remembered for the integration (the cookie, and its record). */
    static void remember(Launcher launcher, String id, long ziikUserId, HttpServletRequest request, HttpServletResponse response) {
        String value = launcher.remembered().remember(id, ziikUserId);
        response.addCookie(cookie(id, value, (int) RememberedSignIns.LIFETIME.toSeconds(), request));
    }

    private static Cookie cookie(String id, String value, int maxAge, HttpServletRequest request) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/sso/" + id + "/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    /**
     * The sign-in form's answer sends the browser on to Learningbank's login link: the pages'
     * content security policy lets forms go to this service alone, and browsers hold a form's
     * redirects to it too, so this page's policy also names the platform.
     */
    private static void formMayLandOn(String platformUrl, HttpServletResponse response) {
        java.net.URI platform = java.net.URI.create(platformUrl);
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                + " script-src 'self'; form-action 'self' " + platform.getScheme() + "://" + platform.getRawAuthority()
                + "; frame-ancestors 'none'");
    }

    /** The launch address carries a token and the answer a login link: neither may travel on as a Referer or sit in a cache. */
    static void noTrace(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    static String page(SsoPage page, HttpServletResponse response, Model model) {
        response.setStatus(page.status);
        model.addAttribute("reason", page.key());
        return "sso-page";
    }
}
