package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanExecutor.Run}: steps handed over in parts while the plan is still being made, as a
 * pipelined full synchronisation does.
 */
class PlanExecutorRunTest {
    private final InMemoryPeers p = new InMemoryPeers();

    private static Plan.Step type(int index, String name, Integer... after) {
        return new Plan.Step(index, new Operation.CreatePermissionType(index, name), List.of(after), false);
    }

    private PlanExecutor executor() {
        return PlanExecutor.withoutUnits(p.context());
    }

    @Test
    void aLaterPartMayWaitForStepsOfAnEarlierOne_endedOrNot() throws InterruptedException {
        try (PlanExecutor.Run run = executor().start(p.listener())) {
            run.submit(List.of(type(0, "Chef"), type(1, "Waiter", 0)));
            run.submit(List.of(type(2, "Bartender", 0, 1), type(3, "Host", 2)));
            ExecutionReport report = run.finish();

            assertThat(report.count(StepOutcome.CREATED)).isEqualTo(4);
        }
        List<String> writes = p.lb.writes();
        assertThat(writes.indexOf("POST permission type Chef")).isLessThan(writes.indexOf("POST permission type Waiter"));
        assertThat(writes.indexOf("POST permission type Waiter")).isLessThan(writes.indexOf("POST permission type Bartender"));
        assertThat(writes.indexOf("POST permission type Bartender")).isLessThan(writes.indexOf("POST permission type Host"));
    }

    @Test
    void aStepWaitingForOneNeverHandedOver_isAPlannerBug_notAHang() {
        try (PlanExecutor.Run run = executor().start(p.listener())) {
            run.submit(List.of(type(0, "Chef"), type(1, "Waiter", 7)));

            assertThatThrownBy(run::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("can never run");
        }
        assertThat(p.lb.writes()).containsExactly("POST permission type Chef");
    }

    @Test
    void aListenerThatThrowsStopsTheRun_theRestIsNotWritten() {
        RuntimeException stopped = new IllegalStateException("the synchronisation no longer runs");
        try (PlanExecutor.Run run = executor().start(step -> {
            throw stopped;
        })) {
            run.submit(List.of(type(0, "Chef"), type(1, "Waiter", 0), type(2, "Host", 1)));

            assertThatThrownBy(run::finish).isSameAs(stopped);
        }
        assertThat(p.lb.writes()).containsExactly("POST permission type Chef");
    }
}
