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
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The webhook API, administrators only (403 for anyone else):
 * <ul>
 *   <li>{@code POST /webhooks {"name", "uri", "triggers": [...]}} → 201 {@code {"data": webhook}};
 *       422 when a field is missing, the uri is not an absolute http(s) URI, or a trigger is not one
 *       of the six.</li>
 *   <li>{@code GET /webhooks} (paged), {@code GET /webhooks/{id}} (webhook-single.json plus
 *       {@code triggers}), {@code DELETE /webhooks/{id}} → 204; unknown ids → 404.</li>
 * </ul>
 */
final class WebhookRoutes {
    private final Webhooks webhooks;
    private final ZiikOrganisation organisation;
    private final Tokens tokens;
    private final Supplier<String> origin;

    WebhookRoutes(Webhooks webhooks, ZiikOrganisation organisation, Tokens tokens, Supplier<String> origin) {
        this.webhooks = webhooks;
        this.organisation = organisation;
        this.tokens = tokens;
        this.origin = origin;
    }

    void register(SimHttpServer server) {
        server.api("POST", "/api/webhooks", tokens.guardAdmin(this::create));
        server.api("GET", "/api/webhooks", tokens.guardAdmin(this::list));
        server.api("GET", "/api/webhooks/{id}", tokens.guardAdmin(request -> SimResponse.json(200, object("data", render(find(request))))));
        server.api("DELETE", "/api/webhooks/{id}", tokens.guardAdmin(request -> {
            webhooks.remove(find(request).id());
            return SimResponse.noContent();
        }));
    }

    private SimResponse create(SimRequest request) {
        BodyFields body = BodyFields.of(request);
        String name = body.text("name");
        String uri = body.text("uri");
        if (!isAbsoluteHttp(uri)) {
            throw LaravelErrors.invalid("uri", "The uri must be a valid URL.");
        }
        JsonNode triggerNodes = body.node("triggers");
        if (!triggerNodes.isArray() || triggerNodes.isEmpty()) {
            throw LaravelErrors.invalid("triggers", "The triggers field is required.");
        }
        List<String> triggers = new ArrayList<>();
        for (int i = 0; i < triggerNodes.size(); i++) {
            JsonNode t = triggerNodes.get(i);
            if (!t.isString() || !Webhook.TRIGGERS.contains(t.stringValue())) {
                throw LaravelErrors.invalid("triggers." + i, "The selected triggers." + i + " is invalid.");
            }
            if (!triggers.contains(t.stringValue())) {
                triggers.add(t.stringValue());
            }
        }
        Webhook webhook = webhooks.add(name, uri, triggers, tokens.require(request));
        return SimResponse.json(201, object("data", render(webhook)));
    }

    private SimResponse list(SimRequest request) {
        LaravelPage page = LaravelPage.of(request);
        List<Webhook> all = webhooks.all();
        return SimResponse.json(200, page.render(request, origin.get(), all.size(), i -> render(all.get(i))));
    }

    private Webhook find(SimRequest request) {
        int id = Params.id(request, "id");
        return webhooks.find(id).orElseThrow(() -> SimProblem.notFound("No query results for webhook " + id + "."));
    }

    private Map<String, Object> render(Webhook w) {
        // a person who registered a webhook may since be deleted: Ziik keeps the webhook
        Object author = organisation.read(state -> new UserJson(state).author(
                state.user(w.authorId()) != null ? state.user(w.authorId()) : state.user(state.adminUserId())));
        return object("id", w.id(), "content_type", "webhook", "name", w.name(), "uri", w.uri(),
                "triggers", w.triggers(), "author", author, "permissions", object("edit", true, "delete", true),
                "url", "api/webhooks/" + w.id());
    }

    private static boolean isAbsoluteHttp(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.getHost() != null && ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
