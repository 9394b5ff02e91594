package io.ziiklb.admin;

import io.ziiklb.audit.ActivityEntry;
import io.ziiklb.audit.ActivityLog;
import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.JdbcLinkStore;
import io.ziiklb.integration.ProblemStore;
import io.ziiklb.integration.SyncRun;
import io.ziiklb.integration.SyncRunStore;
import io.ziiklb.integration.SyncService;
import io.ziiklb.queue.WorkQueue;
import io.ziiklb.sync.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final int MAX_PROBLEMS_SHOWN = 200;

    private final IntegrationService integrations;
    private final SyncService syncs;
    private final SyncRunStore runs;
    private final ActivityLog activity;
    private final ProblemStore problems;
    private final JdbcClient jdbc;
    private final WorkQueue queue;

    IntegrationsController(IntegrationService integrations, SyncService syncs, SyncRunStore runs, ActivityLog activity,
                           ProblemStore problems, JdbcClient jdbc, WorkQueue queue) {
        this.integrations = integrations;
        this.syncs = syncs;
        this.runs = runs;
        this.activity = activity;
        this.problems = problems;
        this.jdbc = jdbc;
        this.queue = queue;
    }

    @PostMapping
    ResponseEntity<IntegrationView> create(@RequestBody IntegrationRequests.Create body) {
        IntegrationSettings settings = body.settings() == null ? IntegrationSettings.defaults()
                : body.settings().applyTo(IntegrationSettings.defaults());
        Integration created = integrations.create(body.ziik(), body.learningbank(), settings);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
    }

    @GetMapping
    Map<String, List<IntegrationView>> list() {
        return Map.of("data", integrations.list().stream().map(this::view).toList());
    }

    @GetMapping("/{id}")
    IntegrationView get(@PathVariable String id) {
        return view(integrations.get(id));
    }

    @PatchMapping("/{id}")
    IntegrationView patch(@PathVariable String id, @RequestBody IntegrationRequests.Patch body) {
        return view(integrations.patch(id, body.ziik(), body.learningbank(), body.settings()));
    }

    @PostMapping("/{id}/disable")
    IntegrationView disable(@PathVariable String id) {
        return view(integrations.setEnabled(id, false));
    }

    @PostMapping("/{id}/enable")
    IntegrationView enable(@PathVariable String id) {
        return view(integrations.setEnabled(id, true));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        integrations.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/syncs")
    ResponseEntity<Map<String, String>> startSync(@PathVariable String id) {
        Integration integration = enabled(id);
        return ResponseEntity.accepted().body(Map.of("syncId", syncs.start(integration)));
    }

    @GetMapping("/{id}/syncs/{syncId}")
    IntegrationView.SyncView sync(@PathVariable String id, @PathVariable String syncId) {
        integrations.get(id);
        return IntegrationView.SyncView.of(run(id, syncId));
    }

    @PostMapping("/{id}/syncs/{syncId}/confirm")
    ResponseEntity<Map<String, String>> confirm(@PathVariable String id, @PathVariable String syncId) {
        Integration integration = enabled(id);
        heldRun(id, syncId);
        return ResponseEntity.accepted().body(Map.of("syncId", syncs.startConfirmed(integration)));
    }

    @PostMapping("/{id}/syncs/{syncId}/cancel")
    IntegrationView.SyncView cancel(@PathVariable String id, @PathVariable String syncId) {
        integrations.get(id);
        SyncRun held = heldRun(id, syncId);
        SyncRun cancelled = new SyncRun(held.id(), held.integrationId(), "done", held.phase(), held.done(), held.total(),
                held.counts(), 0, "held deletions were cancelled by an admin", held.startedAt(), held.finishedAt());
        runs.update(cancelled);
        return IntegrationView.SyncView.of(cancelled);
    }

    @PostMapping("/{id}/preview")
    Map<String, Object> preview(@PathVariable String id) throws InterruptedException {
        Plan plan = syncs.preview(integrations.get(id));
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> operations = plan.steps().stream().map(step -> {
            var op = step.operation();
            counts.merge(op.verb(), 1, Integer::sum);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("op", op.verb());
            row.put("kind", op.kind().wireName());
            row.put("ziikId", op.ziikId());
            row.put("summary", op.summary());
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
        enabled(id);
        return Map.of("retried", queue.retryDead(id));
    }

    @GetMapping("/{id}/activity")
    Map<String, List<ActivityEntry>> activity(@PathVariable String id,
                                              @RequestParam(defaultValue = "50") int limit,
                                              @RequestParam(required = false) Long before) {
        integrations.get(id);
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.invalid(Map.of("limit", List.of("must be between 1 and 1000")));
        }
        return Map.of("data", activity.newest(id, limit, before));
    }

    private Integration enabled(String id) {
        Integration integration = integrations.get(id);
        if (!integration.enabled()) {
            throw new ApiProblem(409, "disabled", "the integration is disabled; enable it first", Map.of());
        }
        return integration;
    }

    private SyncRun run(String id, String syncId) {
        return runs.find(id, syncId).orElseThrow(() -> ApiProblem.notFound("synchronisation " + syncId));
    }

    private SyncRun heldRun(String id, String syncId) {
        SyncRun run = run(id, syncId);
        if (!"held".equals(run.status())) {
            throw new ApiProblem(409, "not_held", "this synchronisation holds no deletions (status " + run.status() + ")", Map.of());
        }
        return run;
    }

    private IntegrationView view(Integration i) {
        SyncRun last = runs.latest(i.id()).orElse(null);
        var failing = integrations.failing(i.id());
        String state = !i.enabled() ? "disabled"
                : failing.isPresent() ? "failing"
                : syncs.isRunning(i.id()) ? "syncing"
                : last != null && "held".equals(last.status()) ? "held"
                : last != null && "failed".equals(last.status()) ? "failing"
                : "idle";
        String notice = failing.map(f -> "Failing since " + f.since() + ": " + f.reason() + ". Work is held back and"
                + " retried; it resumes by itself when Learningbank answers.")
                .or(() -> integrations.missedChangesNotice(i, last)).orElse(null);
        return IntegrationView.of(i, state, notice, last, queue.status(i.id()), new JdbcLinkStore(jdbc, i.id()).counts(),
                problems.list(i.id(), MAX_PROBLEMS_SHOWN));
    }
}
