package io.ziiklb.admin;

import io.ziiklb.audit.ActivityEntry;
import io.ziiklb.audit.ActivityLog;
import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.HeldDeletions;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.IntegrationStatusQuery;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.sync.FullSync;
import io.ziiklb.sync.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/integrations}: see {@code specs/service-api.md}. */
@RestController
@RequestMapping("/api/v1/integrations")
class IntegrationsController {
    private final IntegrationService integrations;
    private final IntegrationStatusQuery status;
    private final HeldDeletions held;
    private final SyncService syncs;
    private final ActivityLog activity;
    private final WorkQueue queue;
    private final TenantGuard tenants;

    IntegrationsController(IntegrationService integrations, IntegrationStatusQuery status, HeldDeletions held,
                           SyncService syncs, ActivityLog activity, WorkQueue queue) {
        this.integrations = integrations;
        this.tenants = new TenantGuard(integrations);
        this.status = status;
        this.held = held;
        this.syncs = syncs;
        this.activity = activity;
        this.queue = queue;
    }

    @PostMapping
    ResponseEntity<IntegrationView> create(@RequestBody IntegrationRequests.Create body) {
        IntegrationSettings settings = body.settings() == null ? IntegrationSettings.defaults()
                : body.settings().applyTo(IntegrationSettings.defaults());
        tenants.requireOwnTenant(body.ziik() == null ? null : body.ziik().baseUrl());
        Integration created = integrations.create(body.ziik(), body.learningbank(), settings);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
    }

    @GetMapping
    Map<String, List<IntegrationView>> list() {
        return Map.of("data", tenants.list().stream().map(this::view).toList());
    }

    @GetMapping("/{id}")
    IntegrationView get(@PathVariable String id) {
        return view(tenants.visible(id));
    }

    @PatchMapping("/{id}")
    IntegrationView patch(@PathVariable String id, @RequestBody IntegrationRequests.Patch body) {
        tenants.visible(id);
        tenants.requireOwnTenant(body.ziik() == null ? null : body.ziik().baseUrl());
        return view(integrations.patch(id, body.ziik(), body.learningbank(), body.settings()));
    }

    @PostMapping("/{id}/disable")
    IntegrationView disable(@PathVariable String id) {
        tenants.visible(id);
        return view(integrations.setEnabled(id, false));
    }

    @PostMapping("/{id}/enable")
    IntegrationView enable(@PathVariable String id) {
        tenants.visible(id);
        return view(integrations.setEnabled(id, true));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        tenants.visible(id);
        integrations.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/syncs")
    ResponseEntity<Map<String, String>> startSync(@PathVariable String id) {
        return ResponseEntity.accepted().body(Map.of("syncId", syncs.start(enabled(tenants.visible(id)))));
    }

    @GetMapping("/{id}/syncs/{syncId}")
    IntegrationView.SyncView sync(@PathVariable String id, @PathVariable String syncId) {
        tenants.visible(id);
        return IntegrationView.SyncView.of(status.run(id, syncId));
    }

    @PostMapping("/{id}/syncs/{syncId}/confirm")
    ResponseEntity<Map<String, String>> confirm(@PathVariable String id, @PathVariable String syncId) {
        tenants.visible(id);
        return ResponseEntity.accepted().body(Map.of("syncId", held.confirm(id, syncId)));
    }

    @PostMapping("/{id}/syncs/{syncId}/cancel")
    IntegrationView.SyncView cancel(@PathVariable String id, @PathVariable String syncId) {
        tenants.visible(id);
        return IntegrationView.SyncView.of(held.cancel(id, syncId));
    }

    @PostMapping("/{id}/preview")
    Map<String, Object> preview(@PathVariable String id) throws InterruptedException {
        FullSync.Preview preview = syncs.preview(tenants.visible(id));
        Plan plan = preview.plan();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> operations = plan.steps().stream().map(step -> {
            var op = step.operation();
            counts.merge(op.verb(), 1, Integer::sum);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("op", op.verb());
            row.put("kind", op.kind().wireName());
            row.put("ziikId", op.ziikId());
            row.put("summary", op.summary(preview.names()));
            row.put("held", step.held());
            return row;
        }).toList();
        return Map.of("operations", operations, "counts", counts,
                "problems", plan.problems().stream().map(IntegrationView.ProblemView::of).toList(),
                "guardTripped", plan.guardTripped());
    }

    /** Dead letters back in the queue, attempts reset. */
    @PostMapping("/{id}/queue/retry")
    Map<String, Integer> retryDeadLetters(@PathVariable String id) {
        enabled(tenants.visible(id));
        return Map.of("retried", queue.retryDead(id));
    }

    @GetMapping("/{id}/activity")
    Map<String, List<ActivityEntry>> activity(@PathVariable String id,
                                              @RequestParam(defaultValue = "50") int limit,
                                              @RequestParam(required = false) Long before) {
        tenants.visible(id);
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.invalid(Map.of("limit", List.of("must be between 1 and 1000")));
        }
        return Map.of("data", activity.newest(id, limit, before));
    }

    private Integration enabled(Integration integration) {
        return integrations.requireEnabled(integration.id());
    }

    private IntegrationView view(Integration integration) {
        return IntegrationView.of(status.of(integration));
    }
}
