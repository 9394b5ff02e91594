package io.ziiklb.sync;

import static io.ziiklb.sync.InMemoryPeers.TOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ziiklb.ziik.ZiikUser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rule L4 for work already under way: once the integration's write gate closes (an admin disabled
 * or removed it), the executor runs no further step, whatever reconcile it runs for. The service's
 * gate is {@code WritePermits}; {@code LifeRulesIT} disables the integration under a live item and
 * under a full synchronisation.
 */
class WriteGateTest {
    private final InMemoryPeers p = new InMemoryPeers();

    /** Closes the gate once Learningbank has taken {@code writes} writes, as if an admin disabled it just then. */
    private void disableAfter(int writes) {
        p.gate = () -> p.lb.writes().size() >= writes ? Optional.of("the integration was disabled") : Optional.empty();
    }

    @Test
    void aGateClosedBeforeTheFirstStep_writesNothing() {
        p.ziik.unit(10, "Kitchen", TOP);
        disableAfter(0);

        assertThatThrownBy(() -> new UnitsReconciler(p.context()).reconcile(p.settings, p.listener()))
                .isInstanceOf(WritesStopped.class).hasMessage("the integration was disabled");

        assertThat(p.lb.writes()).isEmpty();
        assertThat(p.steps).extracting(StepResult::outcome).containsOnly(StepOutcome.SKIPPED);
    }

    @Test
    void aGateClosingBetweenSteps_letsNoFurtherStepWrite() {
        p.ziik.unit(10, "Kitchen", TOP).unit(11, "Pastry", 10).unit(12, "Bakery", 11); // each waits for its parent
        disableAfter(1);

        assertThatThrownBy(() -> new UnitsReconciler(p.context()).reconcile(p.settings, p.listener()))
                .isInstanceOf(WritesStopped.class);

        assertThat(p.lb.writes()).containsExactly("POST department Kitchen");
        assertThat(p.steps).extracting(StepResult::outcome)
                .containsExactly(StepOutcome.CREATED, StepOutcome.SKIPPED, StepOutcome.SKIPPED);
    }

    @Test
    void aUserReconcileUnderWay_writesNothingOnceClosed() {
        p.ziik.user(new ZiikUser(100, "Ann", "Berg", "ann@example.com", true, "da")).memberships(100, p.ziik.in(TOP));
        disableAfter(0);

        assertThatThrownBy(() -> new UserReconciler(p.context()).reconcile(100, p.tree(), p.settings, false, p.listener()))
                .isInstanceOf(WritesStopped.class);

        assertThat(p.lb.writes()).isEmpty();
        assertThat(p.links.user(100)).isEmpty();
    }
}
