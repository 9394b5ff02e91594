package io.ziiklb.admin;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.SsoSettings;
import io.ziiklb.sso.SsoService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/integrations/{id}/sso}: automatic sign-in on (or its secret rotated), off, and launch addresses for links. */
@RestController
@RequestMapping("/api/v1/integrations/{id}/sso")
class SsoController {
    private final IntegrationService integrations;
    private final TenantGuard tenants;
    private final SsoService sso;
    private final Connections connections;

    SsoController(IntegrationService integrations, SsoService sso, Connections connections) {
        this.integrations = integrations;
        this.tenants = new TenantGuard(integrations);
        this.sso = sso;
        this.connections = connections;
    }

    /** {@code {"oidc": {issuer, clientId, clientSecret, claim} | null}}. */
    record TurnOn(Oidc oidc) {
    }

    record Oidc(String issuer, String clientId, String clientSecret, String claim) {
        @Override
        public String toString() {
            return "Oidc[" + issuer + ", " + clientId + "]";
        }
    }

    record Link(String url) {
    }

    @PostMapping
    Map<String, String> turnOn(@PathVariable String id, @RequestBody(required = false) TurnOn body) {
        Integration integration = integrations.requireEnabled(tenants.visible(id).id());
        Oidc oidc = body == null ? null : body.oidc();
        SsoService.TurnedOn on = sso.turnOn(integration, oidc == null ? null : valid(oidc), oidc == null ? null : oidc.clientSecret());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("secret", on.secret());
        answer.put("launchUrl", on.launchUrl());
        return answer;
    }

    @DeleteMapping
    ResponseEntity<Void> turnOff(@PathVariable String id) {
        sso.turnOff(tenants.visible(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/links")
    Map<String, String> link(@PathVariable String id, @RequestBody Link body) {
        Integration integration = tenants.visible(id);
        if (sso.settings(id).isEmpty()) {
            throw new ApiProblem(409, "sso_off", "automatic sign-in is off for this integration; turn it on first", Map.of());
        }
        String platformUrl = connections.open(integration).learningbank().settings().platformUrl();
        return Map.of("launchUrl", sso.launchUrlFor(integration, body.url(), platformUrl));
    }

    private static SsoSettings.Oidc valid(Oidc oidc) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (oidc.issuer() == null || !oidc.issuer().startsWith("https://") && !oidc.issuer().startsWith("http://")) {
            problems.put("oidc.issuer", List.of("must be the provider's issuer URL"));
        }
        if (oidc.clientId() == null || oidc.clientId().isBlank()) {
            problems.put("oidc.clientId", List.of("is required"));
        }
        if (oidc.clientSecret() == null || oidc.clientSecret().isBlank()) {
            problems.put("oidc.clientSecret", List.of("is required"));
        }
        String claim = oidc.claim() == null ? SsoSettings.Oidc.EMAIL : oidc.claim();
        if (!claim.equals(SsoSettings.Oidc.EMAIL) && !claim.equals(SsoSettings.Oidc.UPN)) {
            problems.put("oidc.claim", List.of("must be email or upn"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return new SsoSettings.Oidc(oidc.issuer().trim(), oidc.clientId().trim(), claim);
    }
}
