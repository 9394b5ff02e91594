package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.util.List;

/**
 * {@code POST /authenticate} and {@code POST /renew}, answering authenticate.json's shape: an array
 * of one {@code {"jwt", "expires"}} with {@code expires} in unix seconds. Only the configured admin
 * account signs in (email compared without case, password exactly).
 */
final class AuthRoutes {
    private final Tokens tokens;
    private final ZiikOrganisation organisation;
    private final String adminEmail;
    private final String adminPassword;

    AuthRoutes(Tokens tokens, ZiikOrganisation organisation, String adminEmail, String adminPassword) {
        this.tokens = tokens;
        this.organisation = organisation;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    void register(SimHttpServer server) {
        server.api("POST", "/api/authenticate", this::authenticate);
        server.api("POST", "/api/renew", tokens.guard(request -> issued()));
    }

    private SimResponse authenticate(SimRequest request) {
        BodyFields body = BodyFields.of(request);
        String username = body.text("username");
        String password = body.text("password");
        if (!username.equalsIgnoreCase(adminEmail) || !password.equals(adminPassword)) {
            throw new SimProblem(401, "invalid_credentials", "Invalid credentials.");
        }
        return issued();
    }

    private SimResponse issued() {
        Tokens.Issued token = tokens.issue(organisation.adminUserId());
        return SimResponse.json(200, List.of(object("jwt", token.jwt(), "expires", token.expires().getEpochSecond())));
    }
}
