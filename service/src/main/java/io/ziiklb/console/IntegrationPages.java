package io.ziiklb.console;

import io.ziiklb.admin.TenantGuard;
import io.ziiklb.audit.ActivityEntry;
import io.ziiklb.audit.ActivityLog;
import io.ziiklb.integration.HeldDeletions;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.IntegrationStatus;
import io.ziiklb.integration.IntegrationStatusQuery;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.WorkQueue;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The integrations a viewer may see, and one integration's page with everything an admin does to
 * it: synchronise, disable and enable, remove, retry what failed, confirm or cancel held
 * deletions. Each action is a form post that comes back to the page saying what happened.
 */
@Controller
class IntegrationPages {
    static final int ACTIVITY_PAGE = 25;

    private final IntegrationService integrations;
    private final TenantGuard tenants;
    private final IntegrationStatusQuery status;
    private final SyncService syncs;
    private final ActivityLog activity;
    private final ConsoleActions actions;
    private final SettingsPage settings;

    IntegrationPages(IntegrationService integrations, IntegrationStatusQuery status, SyncService syncs, ActivityLog activity,
                     HeldDeletions held, WorkQueue queue) {
        this.integrations = integrations;
        this.tenants = new TenantGuard(integrations);
        this.status = status;
        this.syncs = syncs;
        this.activity = activity;
        this.actions = new ConsoleActions(integrations, syncs, held, queue);
        this.settings = new SettingsPage(integrations);
    }

    @GetMapping("/integrations")
    String list(Model model) {
        List<IntegrationStatus> visible = tenants.list().stream().map(status::of).toList();
        model.addAttribute("integrations", visible);
        return "integrations";
    }

    @GetMapping("/integrations/{id}")
    String page(@PathVariable String id, @RequestParam(required = false) Long before,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String outcome, Model model) {
        Integration integration = tenants.visible(id);
        return render(integration, before, kind, outcome, SettingsPage.formOf(integration), FormErrors.none(), model);
    }

    @PostMapping("/integrations/{id}/settings")
    String save(@PathVariable String id, @ModelAttribute("form") SettingsForm form, Model model, RedirectAttributes flash) {
        Integration integration = tenants.visible(id);
        FormErrors errors = settings.save(integration, form);
        if (!errors.isEmpty()) {
            return render(integration, null, null, null, form, errors, model);
        }
        flash.addFlashAttribute("done", "saved");
        return back(id);
    }

    private String render(Integration integration, Long before, String kind, String outcome, SettingsForm form,
                          FormErrors errors, Model model) {
        String id = integration.id();
        IntegrationStatus s = status.of(integration);
        form.ziikPassword = "";
        form.sharedSecret = "";
        form.lbPassword = "";
        form.lbToken = "";
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("s", s);
        model.addAttribute("i", integration);
        model.addAttribute("problems", s.problems().stream().map(ProblemAdvice::of).toList());
        String kindFilter = blankToNull(kind);
        String outcomeFilter = blankToNull(outcome);
        List<ActivityEntry> entries = activity.newest(id, ACTIVITY_PAGE, before, kindFilter, outcomeFilter);
        model.addAttribute("activity", entries);
        model.addAttribute("kind", kindFilter);
        model.addAttribute("outcome", outcomeFilter);
        model.addAttribute("olderThan", entries.size() == ACTIVITY_PAGE ? entries.getLast().id() : null);
        model.addAttribute("held", "held".equals(s.state()) ? activity.newest(id, 200, null, null, "held") : List.of());
        model.addAttribute("running", syncs.isRunning(id));
        return "integration";
    }

    @PostMapping("/integrations/{id}/syncs")
    String synchronise(@PathVariable String id) {
        return "redirect:/integrations/" + id + "/syncs/" + actions.startSync(tenants.visible(id));
    }

    @PostMapping("/integrations/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes flash) {
        integrations.setEnabled(tenants.visible(id).id(), false);
        flash.addFlashAttribute("done", "disabled");
        return back(id);
    }

    @PostMapping("/integrations/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes flash) {
        integrations.setEnabled(tenants.visible(id).id(), true);
        flash.addFlashAttribute("done", "enabled");
        return back(id);
    }

    @PostMapping("/integrations/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes flash) {
        flash.addFlashAttribute("done", "retried");
        flash.addFlashAttribute("count", actions.retryFailed(tenants.visible(id)));
        return back(id);
    }

    @PostMapping("/integrations/{id}/held/{syncId}/confirm")
    String confirm(@PathVariable String id, @PathVariable String syncId) {
        return "redirect:/integrations/" + id + "/syncs/" + actions.confirmHeld(tenants.visible(id), syncId);
    }

    @PostMapping("/integrations/{id}/held/{syncId}/cancel")
    String cancel(@PathVariable String id, @PathVariable String syncId, RedirectAttributes flash) {
        actions.cancelHeld(tenants.visible(id), syncId);
        flash.addFlashAttribute("done", "cancelled");
        return back(id);
    }

    @GetMapping("/integrations/{id}/remove")
    String confirmRemoval(@PathVariable String id, Model model) {
        model.addAttribute("i", tenants.visible(id));
        return "remove";
    }

    @PostMapping("/integrations/{id}/remove")
    String remove(@PathVariable String id, RedirectAttributes flash) {
        integrations.remove(tenants.visible(id).id());
        flash.addFlashAttribute("done", "removed");
        return "redirect:/integrations";
    }

    private static String back(String id) {
        return "redirect:/integrations/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
