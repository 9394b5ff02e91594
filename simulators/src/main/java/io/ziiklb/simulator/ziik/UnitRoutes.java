package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.util.List;
import java.util.function.Supplier;

/**
 * The unit reads:
 * <ul>
 *   <li>{@code GET /units/tree?flatten=true}: every unit and department, the top unit first, then
 *       parents before children and siblings by name; paged like every list (Laravel meta).</li>
 *   <li>{@code GET /units/tree} without {@code flatten}: the nested tree under the top unit, as in
 *       units-tree.json ({@code data} holds the top unit's sub-units, each with {@code children});
 *       not paged.</li>
 *   <li>{@code GET /units}: all units in id order, paged. {@code GET /units/{id}}: one unit, 404
 *       when unknown or deleted.</li>
 * </ul>
 * {@code all=true} is accepted and changes nothing: the admin account belongs to the top unit, so
 * its part of the organisation is all of it.
 */
final class UnitRoutes {
    private final ZiikOrganisation organisation;
    private final Tokens tokens;
    private final Supplier<String> origin;

    UnitRoutes(ZiikOrganisation organisation, Tokens tokens, Supplier<String> origin) {
        this.organisation = organisation;
        this.tokens = tokens;
        this.origin = origin;
    }

    void register(SimHttpServer server) {
        server.api("GET", "/api/units/tree", tokens.guard(this::tree));
        server.api("GET", "/api/units", tokens.guard(this::list));
        server.api("GET", "/api/units/{id}", tokens.guard(this::single));
    }

    private SimResponse tree(SimRequest request) {
        boolean flatten = Params.flag(request, "flatten");
        if (!flatten) {
            return SimResponse.json(200, organisation.read(state -> {
                UnitJson json = new UnitJson(state);
                return object("data", state.children(state.topUnit().id()).stream()
                        .filter(u -> u.type() == UnitType.UNIT).map(json::nested).toList());
            }));
        }
        LaravelPage page = LaravelPage.of(request);
        return SimResponse.json(200, organisation.read(state -> {
            List<UnitRow> all = state.preorder();
            UnitJson json = new UnitJson(state);
            return page.render(request, origin.get(), all.size(), i -> json.full(all.get(i)));
        }));
    }

    private SimResponse list(SimRequest request) {
        LaravelPage page = LaravelPage.of(request);
        return SimResponse.json(200, organisation.read(state -> {
            List<UnitRow> all = List.copyOf(state.units());
            UnitJson json = new UnitJson(state);
            return page.render(request, origin.get(), all.size(), i -> json.full(all.get(i)));
        }));
    }

    private SimResponse single(SimRequest request) {
        int id = Params.id(request, "id");
        return SimResponse.json(200, organisation.read(state -> {
            UnitRow unit = state.unit(id);
            if (unit == null) {
                throw SimProblem.notFound("No query results for unit " + id + ".");
            }
            return object("data", new UnitJson(state).full(unit));
        }));
    }
}
