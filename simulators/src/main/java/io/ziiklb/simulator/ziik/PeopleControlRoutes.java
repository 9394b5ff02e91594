package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimResponse;

/**
 * Control routes for who can sign in, twins of {@link ZiikOrganisation#setPassword},
 * {@link ZiikOrganisation#removePassword}, {@link ZiikOrganisation#setAdmin} and
 * {@link ZiikSimulator#seedPeople()} (no auth, no faults, not logged; errors as on
 * {@link OrgControlRoutes}: unknown user 404, invalid input 422):
 * <pre>
 * PUT    /_sim/users/{id}/password   {"password"}      → 200 {"id"}
 * DELETE /_sim/users/{id}/password                     → 204 (sign-in managed outside Ziik)
 * PUT    /_sim/users/{id}/admin      {"admin": bool}   → 200 {"id", "admin"}
 * POST   /_sim/people                                  → 200 {"administrator": person, "employee": person},
 *                                                        person = {"id", "name", "email", "password", "admin"}
 * </pre>
 */
final class PeopleControlRoutes {
    private final ZiikOrganisation org;

    PeopleControlRoutes(ZiikOrganisation org) {
        this.org = org;
    }

    void register(SimHttpServer server) {
        OrgControlRoutes.route(server, "PUT", "/_sim/users/{id}/password", r -> {
            int id = Params.id(r, "id");
            org.setPassword(id, BodyFields.of(r).text("password"));
            return SimResponse.json(200, object("id", id));
        });
        OrgControlRoutes.route(server, "DELETE", "/_sim/users/{id}/password", r -> {
            org.removePassword(Params.id(r, "id"));
            return SimResponse.noContent();
        });
        OrgControlRoutes.route(server, "PUT", "/_sim/users/{id}/admin", r -> {
            int id = Params.id(r, "id");
            BodyFields body = BodyFields.of(r);
            if (!body.has("admin")) {
                throw LaravelErrors.invalid("admin", "The admin field is required.");
            }
            org.setAdmin(id, body.flag("admin"));
            return SimResponse.json(200, object("id", id, "admin", org.isAdmin(id)));
        });
        OrgControlRoutes.route(server, "POST", "/_sim/people", r -> SimResponse.json(200, SeededPeople.seed(org)));
    }
}
