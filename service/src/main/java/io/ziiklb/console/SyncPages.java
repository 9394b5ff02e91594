package io.ziiklb.console;

import io.ziiklb.admin.TenantGuard;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.IntegrationStatusQuery;
import io.ziiklb.integration.SyncRun;
import io.ziiklb.integration.SyncService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The wizard's last step and a synchronisation's own page: what a full synchronisation would do
 * now (the preview, nothing written), then its progress, live (the page asks for its progress part
 * every second while it runs), then the result.
 */
@Controller
class SyncPages {
    private final TenantGuard tenants;
    private final SyncService syncs;
    private final IntegrationStatusQuery status;

    SyncPages(IntegrationService integrations, SyncService syncs, IntegrationStatusQuery status) {
        this.tenants = new TenantGuard(integrations);
        this.syncs = syncs;
        this.status = status;
    }

    @GetMapping("/integrations/{id}/synchronize")
    String synchronize(@PathVariable String id, Model model) throws InterruptedException {
        Integration integration = tenants.visible(id);
        model.addAttribute("i", integration);
        model.addAttribute("preview", PreviewSummary.of(syncs.preview(integration)));
        model.addAttribute("step", 4);
        return "synchronize";
    }

    @GetMapping("/integrations/{id}/syncs/{syncId}")
    String progressPage(@PathVariable String id, @PathVariable String syncId, Model model) {
        fill(id, syncId, model);
        return "sync";
    }

    /** The live part of {@link #progressPage}: asked for again every second until the run ends. */
    @GetMapping("/integrations/{id}/syncs/{syncId}/progress")
    String progress(@PathVariable String id, @PathVariable String syncId, Model model) {
        fill(id, syncId, model);
        return "sync :: progress";
    }

    private void fill(String id, String syncId, Model model) {
        Integration integration = tenants.visible(id);
        SyncRun run = status.run(integration.id(), syncId);
        model.addAttribute("i", integration);
        model.addAttribute("run", run);
        model.addAttribute("percent", run.total() == 0 ? 0 : Math.min(100, run.done() * 100 / run.total()));
    }
}
