package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code GET /usertypes}: with {@code all=1} every role in id order; without it only "the caller's
 * part", which here means the roles the signed-in user holds in their own memberships, so a client
 * that forgets {@code all=1} visibly gets too few. Not paged (usertypes-list.json has no meta).
 */
final class UsertypeRoutes {
    private final ZiikOrganisation organisation;
    private final Tokens tokens;

    UsertypeRoutes(ZiikOrganisation organisation, Tokens tokens) {
        this.organisation = organisation;
        this.tokens = tokens;
    }

    void register(SimHttpServer server) {
        server.api("GET", "/api/usertypes", this::list);
    }

    private SimResponse list(SimRequest request) {
        int caller = tokens.require(request);
        boolean all = Params.flag(request, "all");
        return SimResponse.json(200, organisation.read(state -> {
            Stream<RoleRow> roles = state.roles().stream();
            if (!all) {
                Set<Integer> own = state.user(caller).memberships().stream()
                        .flatMap(m -> m.roleIds().stream()).collect(Collectors.toSet());
                roles = roles.filter(r -> own.contains(r.id()));
            }
            return object("data", roles.map(r -> object("id", r.id(), "reference", r.reference(), "name", r.name())).toList());
        }));
    }
}
