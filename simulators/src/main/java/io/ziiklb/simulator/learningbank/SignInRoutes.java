package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Automatic login: the API call that makes a one-time link, the ticket URL a browser follows, and
 * the platform pages it lands on. The ticket URL and the pages are browser traffic, so they are
 * control routes: no API credentials, no faults, not in the request log.
 */
final class SignInRoutes {
    static final String TICKET_PATH = "/sso/ticket/";

    private final LearningbankState state;
    private final LoginTickets tickets;
    private final Sessions sessions;
    private final Supplier<String> platformUrl;

    SignInRoutes(LearningbankState state, LoginTickets tickets, Sessions sessions, Supplier<String> platformUrl) {
        this.state = state;
        this.tickets = tickets;
        this.sessions = sessions;
        this.platformUrl = platformUrl;
    }

    /** Registers a catch-all page route, so it must be registered after every other route. */
    void register(Api api, SimHttpServer server) {
        api.route("POST", "/users/{id}/login-links", this::createLink);
        server.control("GET", TICKET_PATH + "{ticket}", this::redeem);
        server.control("GET", "/**", this::page);
    }

    /**
     * 201 with the one-time url and its expiry. Checks in this order: unknown user 404, bad body
     * 400, bad {@code redirect_path} 422, inactive user 409.
     */
    private SimResponse createLink(SimRequest req) {
        User user = state.user(req.pathParam("id"));
        String redirectPath = redirectPath(req);
        if (!user.isActive()) {
            throw Problems.userInactive(user.id());
        }
        LoginTickets.Issued issued = tickets.issue(user.id(), redirectPath);
        return Wire.data(201, Map.of(
                "url", platformUrl.get() + TICKET_PATH + issued.ticket(),
                "expires_at", issued.expiresAt().toString()));
    }

    /** The body is optional; without it, or without the field, the browser lands on {@code /}. */
    private static String redirectPath(SimRequest req) {
        if (req.body().length == 0) {
            return "/";
        }
        JsonNode body = Bodies.object(req);
        if (!body.has("redirect_path")) {
            return "/";
        }
        String path = Bodies.patchString(body, "redirect_path");
        if (!RedirectPaths.isPlatformPath(path)) {
            throw FieldErrors.single("redirect_path", "must be a path on the platform, starting with a single /");
        }
        return path;
    }

    /** 302 to the redirect path with a session cookie; 401 for an unknown ticket, 410 for a used or expired one. */
    private SimResponse redeem(SimRequest req) {
        return switch (tickets.redeem(req.pathParam("ticket"))) {
            case LoginTickets.Redemption.Valid valid -> SimResponse.redirect(valid.redirectPath())
                    .withHeader("Set-Cookie", sessions.open(valid.userId()))
                    .withHeader("Cache-Control", "no-store");
            case LoginTickets.Redemption.Used used -> SimResponse.html(410, Pages.loginFailed("This login link has already been used."));
            case LoginTickets.Redemption.Expired expired -> SimResponse.html(410, Pages.loginFailed("This login link has expired."));
            case LoginTickets.Redemption.Unknown unknown -> SimResponse.html(401, Pages.loginFailed("This login link is unknown."));
        };
    }

    /**
     * Any other GET: the platform page at that path, saying who is signed in. A session whose user was
     * deleted or deactivated since counts as not signed in. API and control paths that matched no
     * route stay JSON 404s.
     */
    private SimResponse page(SimRequest req) {
        if (req.path().startsWith(Api.BASE + "/") || req.path().equals(Api.BASE) || req.path().startsWith("/_sim/")) {
            throw SimProblem.notFound("no such route: GET " + req.path());
        }
        return sessions.userId(req)
                .flatMap(state::findUser)
                .filter(User::isActive)
                .map(user -> SimResponse.html(200, Pages.signedIn(user, req.path())))
                .orElseGet(() -> SimResponse.html(200, Pages.notSignedIn(req.path())));
    }
}
