package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.util.function.Supplier;

/**
 * The user reads:
 * <ul>
 *   <li>{@code GET /users}: active users in id order, paged; {@code ?inactive=1}: deactivated users
 *       not yet anonymised. Rows omit email, settings and userTypes, as Ziik's do.</li>
 *   <li>{@code GET /users/{id}}: {@code {"data": user}}, deactivated users included; 410 for a
 *       deleted (anonymised) user, 404 for an id that never existed.</li>
 *   <li>{@code GET /users/{id}/units}: the memberships in the order they were added; 410/404 alike.</li>
 *   <li>{@code GET /users/current}: the user the token was issued to (the integration account or a
 *       person who signed in), with {@code memberUnits}.</li>
 * </ul>
 */
final class UserRoutes {
    private final ZiikOrganisation organisation;
    private final Tokens tokens;
    private final Supplier<String> origin;

    UserRoutes(ZiikOrganisation organisation, Tokens tokens, Supplier<String> origin) {
        this.organisation = organisation;
        this.tokens = tokens;
        this.origin = origin;
    }

    void register(SimHttpServer server) {
        // before /users/{id}, which would otherwise take "current" as an id
        server.api("GET", "/api/users/current", this::current);
        server.api("GET", "/api/users", tokens.guard(this::list));
        server.api("GET", "/api/users/{id}", tokens.guard(this::single));
        server.api("GET", "/api/users/{id}/units", tokens.guard(this::units));
    }

    private SimResponse list(SimRequest request) {
        boolean inactive = Params.flag(request, "inactive");
        LaravelPage page = LaravelPage.of(request);
        return SimResponse.json(200, organisation.read(state -> {
            int[] ids = state.userIds(!inactive);
            UserJson json = new UserJson(state);
            return page.render(request, origin.get(), ids.length, i -> json.listRow(state.user(ids[i])));
        }));
    }

    private SimResponse single(SimRequest request) {
        int id = Params.id(request, "id");
        return SimResponse.json(200, organisation.read(state -> object("data", new UserJson(state).single(user(state, id)))));
    }

    private SimResponse units(SimRequest request) {
        int id = Params.id(request, "id");
        return SimResponse.json(200, organisation.read(state -> object("data", new UserJson(state).memberships(user(state, id)))));
    }

    private SimResponse current(SimRequest request) {
        int caller = tokens.require(request);
        return SimResponse.json(200, organisation.read(state ->
                object("data", new UserJson(state).current(user(state, caller)))));
    }

    private static UserRow user(OrgState state, int id) {
        UserRow user = state.user(id);
        if (user != null) {
            return user;
        }
        if (state.isAnonymised(id)) {
            throw new SimProblem(410, "gone", "The user has been deleted.");
        }
        throw SimProblem.notFound("No query results for user " + id + ".");
    }
}
