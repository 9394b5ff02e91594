package io.ziiklb.admin;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.PeerAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenants kept apart: a Ziik administrator sees, creates and changes only the integrations of their
 * own Ziik; any other integration is, to them, one that does not exist (404, never 403, which would
 * say it does). The operator sees all. The API's controller and the console's pages both ask here.
 */
public final class TenantGuard {
    private final IntegrationService integrations;

    public TenantGuard(IntegrationService integrations) {
        this.integrations = integrations;
    }

    /** The integration, when the current viewer may see it; 404 otherwise. */
    public Integration visible(String id) {
        Integration integration = integrations.get(id);
        if (!viewer().sees(integration)) {
            throw ApiProblem.notFound("integration " + id);
        }
        return integration;
    }

    /** The integrations the current viewer may see. */
    public List<Integration> list() {
        Viewer viewer = viewer();
        return integrations.list().stream().filter(viewer::sees).toList();
    }

    /**
     * Refuses a Ziik address outside the viewer's tenant (creating, or moving an integration): an
     * administrator of one Ziik cannot point an integration at another's.
     *
     * @param ziikBaseUrl the address asked for; null when it does not change
     */
    public void requireOwnTenant(String ziikBaseUrl) {
        Viewer viewer = viewer();
        if (ziikBaseUrl != null && !viewer.isOperator() && !PeerAddress.same(ziikBaseUrl, viewer.tenant())) {
            throw new ApiProblem(422, "other_tenant", "an integration can only be made for your own Ziik",
                    Map.of("ziik.baseUrl", List.of("must be your Ziik: " + viewer.tenant())));
        }
    }

    /** The signed-in viewer (the security chain lets nobody else this far). */
    public static Viewer viewer() {
        Optional<Viewer> viewer = Viewer.current();
        return viewer.orElseThrow(() -> new ApiProblem(401, "unauthorized", "sign in first", Map.of()));
    }
}
