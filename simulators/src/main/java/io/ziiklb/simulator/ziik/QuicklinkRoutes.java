package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The quicklink API as documented, administrators only (403 for anyone else):
 * <ul>
 *   <li>{@code POST /quicklinks {"name", "link", "visibility"?: {"userTypes", "units", "units_falldown"}}}
 *       → 201, {@code Location: <base>/quicklinks/<id>} and quicklink-created.json's body (no id);
 *       422 for a missing name, a link that is not a full http(s) URL, or visibility naming roles or
 *       units that do not exist.</li>
 *   <li>{@code GET /quicklinks} → {@code {"data": [...]}}, all of them in id order, not paged;
 *       {@code GET /quicklinks/{id}} → {@code {"data": quicklink}} (quicklink-single.json).</li>
 *   <li>{@code PATCH /quicklinks/{id}} (any of name, link, visibility; checked as on create) → 204;
 *       {@code DELETE /quicklinks/{id}} → 204. Unknown ids → 404.</li>
 * </ul>
 * The visibility's {@code owner} is the top unit; roles and units deleted since are left out.
 */
final class QuicklinkRoutes {
    private final Quicklinks quicklinks;
    private final ZiikOrganisation organisation;
    private final Tokens tokens;
    private final Supplier<String> origin;

    QuicklinkRoutes(Quicklinks quicklinks, ZiikOrganisation organisation, Tokens tokens, Supplier<String> origin) {
        this.quicklinks = quicklinks;
        this.organisation = organisation;
        this.tokens = tokens;
        this.origin = origin;
    }

    void register(SimHttpServer server) {
        server.api("POST", "/api/quicklinks", tokens.guardAdmin(this::create));
        server.api("GET", "/api/quicklinks", tokens.guardAdmin(request -> SimResponse.json(200,
                object("data", quicklinks.all().stream().map(this::render).toList()))));
        server.api("GET", "/api/quicklinks/{id}", tokens.guardAdmin(request ->
                SimResponse.json(200, object("data", render(find(request))))));
        server.api("PATCH", "/api/quicklinks/{id}", tokens.guardAdmin(this::update));
        server.api("DELETE", "/api/quicklinks/{id}", tokens.guardAdmin(request -> {
            quicklinks.remove(find(request).id());
            return SimResponse.noContent();
        }));
    }

    private SimResponse create(SimRequest request) {
        BodyFields body = BodyFields.of(request);
        String name = body.text("name");
        String link = link(body);
        Quicklink.Visibility visibility = body.has("visibility") ? visibility(body.node("visibility"))
                : Quicklink.Visibility.everybody();
        Quicklink created = quicklinks.add(name, link, visibility);
        return SimResponse.json(201, object("message", "Quicklink created"))
                .withHeader("Location", origin.get() + "/api/quicklinks/" + created.id());
    }

    private SimResponse update(SimRequest request) {
        Quicklink current = find(request);
        BodyFields body = BodyFields.of(request);
        String name = body.optionalText("name");
        String link = body.has("link") ? link(body) : null;
        Quicklink.Visibility visibility = body.has("visibility") ? visibility(body.node("visibility")) : null;
        if (!quicklinks.replace(current.with(name, link, visibility))) {
            throw notFound(current.id()); // deleted meanwhile
        }
        return SimResponse.noContent();
    }

    private Quicklink find(SimRequest request) {
        int id = Params.id(request, "id");
        return quicklinks.find(id).orElseThrow(() -> notFound(id));
    }

    private static SimProblem notFound(int id) {
        return SimProblem.notFound("No query results for quicklink " + id + ".");
    }

    /** A full URL including the scheme, as Ziik requires. */
    private static String link(BodyFields body) {
        String link = body.text("link");
        try {
            URI uri = new URI(link);
            if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return link;
            }
        } catch (URISyntaxException e) {
            // falls through to the 422
        }
        throw LaravelErrors.invalid("link", "The link must be a valid URL.");
    }

    private Quicklink.Visibility visibility(JsonNode node) {
        if (!node.isObject()) {
            throw LaravelErrors.invalid("visibility", "The visibility must be an object.");
        }
        return organisation.read(state -> new Quicklink.Visibility(
                ids(node, "userTypes", id -> state.role(id) != null),
                ids(node, "units", id -> state.unit(id) != null),
                ids(node, "units_falldown", id -> state.unit(id) != null)));
    }

    private static List<Integer> ids(JsonNode visibility, String field, IntPredicate exists) {
        JsonNode list = visibility.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw LaravelErrors.invalid("visibility." + field, "The visibility." + field + " must be an array.");
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode id = list.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToInt() || !exists.test(id.intValue())) {
                String where = "visibility." + field + "." + i;
                throw LaravelErrors.invalid(where, "The selected " + where + " is invalid.");
            }
            ids.add(id.intValue());
        }
        return ids;
    }

    /** quicklink-single.json's shape. */
    private Map<String, Object> render(Quicklink q) {
        Object visibility = organisation.read(state -> {
            UnitJson units = new UnitJson(state);
            List<Map<String, Object>> shownTo = new ArrayList<>();
            q.visibility().units().stream().filter(id -> !q.visibility().unitsFalldown().contains(id))
                    .map(state::unit).filter(Objects::nonNull).forEach(u -> shownTo.add(withFalldown(units.brief(u), false)));
            q.visibility().unitsFalldown().stream()
                    .map(state::unit).filter(Objects::nonNull).forEach(u -> shownTo.add(withFalldown(units.brief(u), true)));
            List<Map<String, Object>> roles = q.visibility().userTypes().stream().map(state::role).filter(Objects::nonNull)
                    .map(r -> object("id", r.id(), "name", r.name())).toList();
            return object("owner", units.brief(state.topUnit()), "units", shownTo, "userTypes", roles);
        });
        return object("id", q.id(), "content_type", "quick_links", "name", q.name(), "link", q.link(),
                "visibility", visibility, "permissions", object("edit", true, "delete", true),
                "url", "api/quicklinks/" + q.id());
    }

    /** A unit in a quicklink's visibility: the brief form with {@code falldown} before its {@code url}. */
    private static Map<String, Object> withFalldown(Map<String, Object> brief, boolean falldown) {
        Object url = brief.remove("url");
        brief.put("falldown", falldown);
        brief.put("url", url);
        return brief;
    }
}
