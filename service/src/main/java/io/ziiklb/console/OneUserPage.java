package io.ziiklb.console;

import io.ziiklb.admin.TenantGuard;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.jobs.OnDemandResult;
import io.ziiklb.jobs.OnDemandSync;
import io.ziiklb.learningbank.LearningbankException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Synchronise one user" on the integration's page: a Ziik id is reconciled at once; an email is
 * first found in Learningbank ({@link OnDemandSync#ziikUserByEmail}: one call, not a read of every
 * Ziik user). The steps are shown on a page of their own; a user that cannot be found is said so.
 * The same call as the API's, so a disabled integration gets the refusal page (rule L4).
 */
@Controller
class OneUserPage {
    /** One step as the page shows it: the message keys of its name and outcome, and what happened. */
    record StepView(String stepKey, String outcomeKey, String message, boolean failed, boolean ok) {
        static StepView of(OnDemandResult.Step step) {
            String stage = switch (step.step()) {
                case OnDemandResult.READ -> "read";
                case OnDemandResult.MATCH -> "match";
                default -> "apply";
            };
            String outcome = step.outcome().replace(' ', '_');
            return new StepView("one.step." + stage, "one.outcome." + outcome, step.message(), "failed".equals(outcome),
                    List.of("found", "linked", "matched_by_external_id", "matched_by_email", "created", "updated",
                            "deactivated", "deleted", "unchanged").contains(outcome));
        }
    }

    private final IntegrationService integrations;
    private final TenantGuard tenants;
    private final OnDemandSync onDemand;

    OneUserPage(IntegrationService integrations, OnDemandSync onDemand) {
        this.integrations = integrations;
        this.tenants = new TenantGuard(integrations);
        this.onDemand = onDemand;
    }

    @PostMapping("/integrations/{id}/users/sync")
    String synchronise(@PathVariable String id, @RequestParam(defaultValue = "") String user, Model model)
            throws InterruptedException {
        Integration integration = integrations.requireEnabled(tenants.visible(id).id());
        String asked = user.trim();
        model.addAttribute("i", integration);
        model.addAttribute("asked", asked);
        Optional<Long> ziikUserId;
        if (asked.matches("\\d{1,18}")) {
            ziikUserId = Optional.of(Long.parseLong(asked));
        } else if (asked.contains("@") && asked.length() <= 320) {
            try {
                ziikUserId = onDemand.ziikUserByEmail(integration, asked);
            } catch (LearningbankException e) {
                return refused(model, "one.unreachable", e.getMessage());
            }
            if (ziikUserId.isEmpty()) {
                return refused(model, "one.notFound.email", asked);
            }
        } else {
            return refused(model, "one.invalid", null);
        }
        OnDemandResult result = onDemand.user(integration, ziikUserId.get());
        return switch (result.status()) {
            case UNKNOWN -> refused(model, "one.notFound.id", String.valueOf(ziikUserId.get()));
            case NEVER_SYNCHRONISED -> refused(model, "one.neverSynchronised", null);
            case DONE -> {
                model.addAttribute("result", result);
                model.addAttribute("steps", result.steps().stream().map(StepView::of).toList());
                yield "one-user";
            }
        };
    }

    /** The page again, saying why nothing was synchronised. */
    private static String refused(Model model, String key, String argument) {
        model.addAttribute("refusal", key);
        model.addAttribute("refusalArgument", argument);
        return "one-user";
    }
}
