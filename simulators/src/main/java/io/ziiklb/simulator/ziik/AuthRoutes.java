package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.util.List;

/**
 * {@code POST /authenticate} and {@code POST /renew}, answering authenticate.json's shape: an array
 * of one {@code {"jwt", "expires"}} with {@code expires} in unix seconds. Any active user with a
 * Ziik-managed password signs in as themselves (email compared without case, password exactly);
 * everyone else gets 401, with the same message whatever the reason. {@code /renew} issues a fresh
 * token to the same user.
 */
final class AuthRoutes {
    private final Tokens tokens;
    private final SignInChecks signIns;

    AuthRoutes(Tokens tokens, SignInChecks signIns) {
        this.tokens = tokens;
        this.signIns = signIns;
    }

    void register(SimHttpServer server) {
        server.api("POST", "/api/authenticate", this::authenticate);
        server.api("POST", "/api/renew", request -> issued(tokens.require(request)));
    }

    private SimResponse authenticate(SimRequest request) {
        BodyFields body = BodyFields.of(request);
        String username = body.text("username");
        String password = body.text("password");
        int userId = signIns.signIn(username, password);
        if (userId == 0) {
            throw new SimProblem(401, "invalid_credentials", "Invalid credentials.");
        }
        return issued(userId);
    }

    private SimResponse issued(int userId) {
        Tokens.Issued token = tokens.issue(userId);
        return SimResponse.json(200, List.of(object("jwt", token.jwt(), "expires", token.expires().getEpochSecond())));
    }
}
