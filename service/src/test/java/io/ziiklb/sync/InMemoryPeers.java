package io.ziiklb.sync;

import io.ziiklb.learningbank.InMemoryLearningbank;
import io.ziiklb.ziik.InMemoryZiik;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Both peers in memory, the links and a context over them, for fast tests of the reconcilers: no
 * simulator, no HTTP, no database. Ziik's top unit (1, "HQ") is linked to Learningbank's top
 * department, as after a first full synchronisation.
 */
final class InMemoryPeers {
    static final long TOP = 1;

    final InMemoryZiik ziik = new InMemoryZiik(TOP, "HQ");
    final InMemoryLearningbank lb = new InMemoryLearningbank("Acme");
    final InMemoryLinkStore links = new InMemoryLinkStore();
    /** Every step the reconciles ran, as they ended. */
    final List<StepResult> steps = new ArrayList<>();
    SyncSettings settings = SyncSettings.defaults();
    /** Asked before every step, as the service's asks whether the integration is still enabled. */
    WriteGate gate = WriteGate.alwaysOpen();

    InMemoryPeers() {
        links.linkDepartment(TOP, lb.topDepartmentId());
    }

    SyncContext context() {
        Timing timing = new Timing(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC), wait -> { },
                new Random(1));
        return new SyncContext(ziik, lb, links, ExecutionPolicy.defaults(), timing, () -> gate.closedBecause());
    }

    /** Hears the reconciles' steps. */
    PlanExecutor.StepListener listener() {
        return steps::add;
    }

    UnitTree tree() {
        return new UnitTree(ziik.units());
    }

    /** A unit that already has its linked department (named like it) under its parent's. */
    String linkedUnit(long id, String name, long parentId) {
        ziik.unit(id, name, parentId);
        String department = lb.seedDepartment(name, links.department(parentId).orElseThrow());
        links.linkDepartment(id, department);
        return department;
    }

    /** A role that already has its linked permission type of its name. */
    String linkedRole(long id, String name) {
        ziik.role(id, name);
        String type = lb.seedPermissionType(name);
        links.linkPermissionType(id, type, false);
        return type;
    }

    String departmentOf(long unitId) {
        return links.department(unitId).orElseThrow(() -> new AssertionError("unit " + unitId + " is not linked"));
    }

    io.ziiklb.learningbank.LbDepartment department(long unitId) {
        return lb.department(departmentOf(unitId)).orElseThrow(() -> new AssertionError("no department for unit " + unitId));
    }
}
