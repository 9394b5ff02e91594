package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimResponse;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The organisation's control routes, HTTP twins of {@link ZiikOrganisation}'s methods (no auth, no
 * faults, not logged). Bodies are JSON objects with camelCase fields; created things answer
 * {@code 201 {"id": n}} (memberships {@code {"index": n}}), changes {@code 200 {"id": n}}, deletes
 * 204. An unknown id is 404, invalid input 422 ({@code {"message", "errors"}}), a refused change 409.
 * <pre>
 * POST   /_sim/units                       {"name", "parentId" (default: top), "type": "unit"|"department"}
 * PATCH  /_sim/units/{id}                  {"name"?, "parentId"?}   rename and/or move
 * DELETE /_sim/units/{id}                  409 unless it has no sub-units and no members
 * POST   /_sim/roles                       {"name"}
 * PATCH  /_sim/roles/{id}                  {"name"}
 * DELETE /_sim/roles/{id}
 * POST   /_sim/users                       {"firstName", "lastName", "email", "language"?, "title"?,
 *                                           "unitId" (default: top), "departmentId"?, "roleIds"?}
 * PATCH  /_sim/users/{id}                  {"firstName"?, "lastName"?, "email"?, "language"?, "title"?}
 * POST   /_sim/users/{id}/deactivate
 * POST   /_sim/users/{id}/reactivate
 * DELETE /_sim/users/{id}                  anonymise
 * GET    /_sim/users/{id}/memberships      {"data": [{"unitId", "departmentId", "roleIds"}]}
 * POST   /_sim/users/{id}/memberships      {"unitId", "departmentId"?, "roleIds"?}
 * PUT    /_sim/users/{id}/memberships/{index}
 * DELETE /_sim/users/{id}/memberships/{index}
 * POST   /_sim/generate                    {"users", "seed"?}   → the generator's summary
 * GET    /_sim/summary                     → {@link ZiikOrganisation.Summary} plus topUnitId, adminUserId
 * </pre>
 */
final class OrgControlRoutes {
    private final ZiikOrganisation org;

    OrgControlRoutes(ZiikOrganisation org) {
        this.org = org;
    }

    void register(SimHttpServer server) {
        route(server, "POST", "/_sim/units", r -> {
            BodyFields b = BodyFields.of(r);
            String name = b.text("name");
            int parentId = b.integer("parentId", org.topUnitId());
            boolean department = "department".equals(b.optionalText("type"));
            return created(department ? org.createDepartment(name, parentId) : org.createUnit(name, parentId));
        });
        route(server, "PATCH", "/_sim/units/{id}", r -> {
            BodyFields b = BodyFields.of(r);
            int id = Params.id(r, "id");
            if (!b.has("name") && !b.has("parentId")) {
                throw LaravelErrors.invalid("name", "Give a name, a parentId or both.");
            }
            if (b.has("name")) {
                org.renameUnit(id, b.text("name"));
            }
            if (b.has("parentId")) {
                org.moveUnit(id, b.integer("parentId"));
            }
            return ok(id);
        });
        route(server, "DELETE", "/_sim/units/{id}", r -> deleted(() -> org.deleteUnit(Params.id(r, "id"))));
        route(server, "POST", "/_sim/roles", r -> created(org.createRole(BodyFields.of(r).text("name"))));
        route(server, "PATCH", "/_sim/roles/{id}", r -> {
            org.renameRole(Params.id(r, "id"), BodyFields.of(r).text("name"));
            return ok(Params.id(r, "id"));
        });
        route(server, "DELETE", "/_sim/roles/{id}", r -> deleted(() -> org.deleteRole(Params.id(r, "id"))));
        registerUsers(server);
        route(server, "POST", "/_sim/generate", r -> {
            BodyFields b = BodyFields.of(r);
            return SimResponse.json(200, OrganisationGenerator.populate(org, b.integer("users"), b.longInteger("seed", 1)));
        });
        route(server, "GET", "/_sim/summary", r -> SimResponse.json(200,
                Map.of("organisation", org.summary(), "topUnitId", org.topUnitId(), "adminUserId", org.adminUserId())));
    }

    private void registerUsers(SimHttpServer server) {
        route(server, "POST", "/_sim/users", r -> {
            BodyFields b = BodyFields.of(r);
            NewUser user = new NewUser(b.text("firstName"), b.text("lastName"), b.text("email"),
                    b.has("language") ? b.text("language") : "en", b.has("title") ? b.text("title") : "",
                    membership(b));
            return created(org.createUser(user));
        });
        route(server, "PATCH", "/_sim/users/{id}", r -> {
            BodyFields b = BodyFields.of(r);
            int id = Params.id(r, "id");
            org.updateUser(id, new UserUpdate(b.optionalText("firstName"), b.optionalText("lastName"),
                    b.optionalText("email"), b.optionalText("language"), b.optionalText("title")));
            return ok(id);
        });
        route(server, "POST", "/_sim/users/{id}/deactivate", r -> {
            org.deactivateUser(Params.id(r, "id"));
            return ok(Params.id(r, "id"));
        });
        route(server, "POST", "/_sim/users/{id}/reactivate", r -> {
            org.reactivateUser(Params.id(r, "id"));
            return ok(Params.id(r, "id"));
        });
        route(server, "DELETE", "/_sim/users/{id}", r -> deleted(() -> org.deleteUser(Params.id(r, "id"))));
        route(server, "GET", "/_sim/users/{id}/memberships", r -> SimResponse.json(200,
                object("data", org.memberships(Params.id(r, "id")).stream().map(m -> object("unitId", m.unitId(),
                        "departmentId", m.departmentId(), "roleIds", m.roleIds())).toList())));
        route(server, "POST", "/_sim/users/{id}/memberships", r -> SimResponse.json(201,
                object("index", org.addMembership(Params.id(r, "id"), membership(BodyFields.of(r))))));
        route(server, "PUT", "/_sim/users/{id}/memberships/{index}", r -> {
            org.replaceMembership(Params.id(r, "id"), Params.id(r, "index"), membership(BodyFields.of(r)));
            return SimResponse.json(200, object("index", Params.id(r, "index")));
        });
        route(server, "DELETE", "/_sim/users/{id}/memberships/{index}",
                r -> deleted(() -> org.removeMembership(Params.id(r, "id"), Params.id(r, "index"))));
    }

    private Membership membership(BodyFields b) {
        return new Membership(b.integer("unitId", org.topUnitId()), b.integer("departmentId", 0), b.integers("roleIds"));
    }

    /** Registers a control route whose organisation exceptions become 404, 422 and 409 answers. */
    static void route(SimHttpServer server, String method, String template, SimHttpServer.Handler handler) {
        server.control(method, template, request -> {
            try {
                return handler.apply(request);
            } catch (NoSuchElementException e) {
                throw SimProblem.notFound(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new SimProblem(422, "validation", e.getMessage());
            } catch (IllegalStateException e) {
                throw new SimProblem(409, "conflict", e.getMessage());
            }
        });
    }

    private static SimResponse created(int id) {
        return SimResponse.json(201, object("id", id));
    }

    private static SimResponse ok(int id) {
        return SimResponse.json(200, object("id", id));
    }

    private static SimResponse deleted(Runnable deletion) {
        deletion.run();
        return SimResponse.noContent();
    }
}
