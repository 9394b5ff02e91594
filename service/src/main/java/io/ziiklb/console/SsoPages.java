package io.ziiklb.console;

import io.ziiklb.admin.TenantGuard;
import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.Connections;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.SsoSettings;
import io.ziiklb.sso.SsoService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Automatic sign-in on an integration's page: "Turn on automatic sign-in" (or rotate its secret)
 * shows the secret once, with the launch address and what to do with them; "Turn off"; "Make a
 * link" turns a Learningbank address into a launch address for a chat message.
 */
@Controller
class SsoPages {
    private final IntegrationService integrations;
    private final TenantGuard tenants;
    private final SsoService sso;
    private final Connections connections;

    SsoPages(IntegrationService integrations, SsoService sso, Connections connections) {
        this.integrations = integrations;
        this.tenants = new TenantGuard(integrations);
        this.sso = sso;
        this.connections = connections;
    }

    @PostMapping("/integrations/{id}/sso")
    String turnOn(@PathVariable String id, @RequestParam(defaultValue = "") String issuer,
                  @RequestParam(defaultValue = "") String clientId, @RequestParam(defaultValue = "") String clientSecret,
                  @RequestParam(defaultValue = "email") String claim, Model model) {
        Integration integration = integrations.requireEnabled(tenants.visible(id).id());
        SsoSettings.Oidc oidc = issuer.isBlank() ? null : new SsoSettings.Oidc(issuer.trim(), clientId.trim(),
                SsoSettings.Oidc.UPN.equals(claim) ? SsoSettings.Oidc.UPN : SsoSettings.Oidc.EMAIL);
        if (oidc != null && (oidc.clientId().isEmpty() || clientSecret.isBlank() && sso.settings(id).map(SsoSettings::oidc).isEmpty())) {
            throw new ApiProblem(400, "invalid", "an identity provider needs its client id and client secret", java.util.Map.of());
        }
        SsoService.TurnedOn on = sso.turnOn(integration, oidc, clientSecret.isBlank() ? null : clientSecret);
        model.addAttribute("i", integration);
        model.addAttribute("on", on);
        return "sso-on";
    }

    @PostMapping("/integrations/{id}/sso/off")
    String turnOff(@PathVariable String id, RedirectAttributes flash) {
        sso.turnOff(tenants.visible(id));
        flash.addFlashAttribute("done", "ssoOff");
        return "redirect:/integrations/" + id;
    }

    @PostMapping("/integrations/{id}/sso/link")
    String link(@PathVariable String id, @RequestParam(defaultValue = "") String url, RedirectAttributes flash) {
        Integration integration = tenants.visible(id);
        String platformUrl = connections.open(integration).learningbank().settings().platformUrl();
        try {
            flash.addFlashAttribute("launchLink", sso.launchUrlFor(integration, url, platformUrl));
        } catch (ApiProblem notOnPlatform) {
            flash.addFlashAttribute("linkError", platformUrl);
        }
        flash.addFlashAttribute("linkFor", url);
        return "redirect:/integrations/" + id + "#sso-h";
    }
}
