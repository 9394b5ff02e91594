package io.ziiklb.admin;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.jobs.OnDemandResult;
import io.ziiklb.jobs.OnDemandSync;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/integrations/{id}/users/{ziikUserId}/sync} and {@code .../units/{ziikUnitId}/sync}:
 * one object reconciled now, and what happened, step by step. A refusal of Learningbank is a 200
 * with a failed step; an unknown object is a 404; a disabled integration writes nothing (409, rule L4).
 */
@RestController
@RequestMapping("/api/v1/integrations/{id}")
class OnDemandController {
    /** The answer: {@code {"steps": [{"step", "outcome", "message"}], "learningbankId", "action"}}. */
    record Answer(List<OnDemandResult.Step> steps, String learningbankId, String action) {
    }

    private final IntegrationService integrations;
    private final TenantGuard tenants;
    private final OnDemandSync onDemand;

    OnDemandController(IntegrationService integrations, OnDemandSync onDemand) {
        this.integrations = integrations;
        this.tenants = new TenantGuard(integrations);
        this.onDemand = onDemand;
    }

    @PostMapping("/users/{ziikUserId}/sync")
    Answer user(@PathVariable String id, @PathVariable long ziikUserId) throws InterruptedException {
        return answer(onDemand.user(enabled(id), ziikUserId), "Ziik user " + ziikUserId);
    }

    @PostMapping("/units/{ziikUnitId}/sync")
    Answer unit(@PathVariable String id, @PathVariable long ziikUnitId) throws InterruptedException {
        return answer(onDemand.unit(enabled(id), ziikUnitId), "Ziik unit " + ziikUnitId);
    }

    private Integration enabled(String id) {
        return integrations.requireEnabled(tenants.visible(id).id());
    }

    static Answer answer(OnDemandResult result, String what) {
        return switch (result.status()) {
            case UNKNOWN -> throw ApiProblem.notFound(what);
            case NEVER_SYNCHRONISED -> throw new ApiProblem(409, "never_synchronised",
                    "the integration has not been synchronised yet; initiate a synchronisation first", Map.of());
            case DONE -> new Answer(result.steps(), result.learningbankId(), result.action());
        };
    }
}
