package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.RunStatus;
import io.ziiklb.integration.SecretBox;
import io.ziiklb.queue.RetryLater;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, point 7: an instance whose key does not open the stored credentials (another instance
 * sealed them with a key it lacks) puts the work off instead of failing it, so the run is not
 * "failed", the integration is not marked failing, nothing is lost, and an instance with the right
 * key works the same items to the end.
 */
class WrongKeyIT {

    @Test
    void workThatMeetsCredentialsThisInstanceCannotOpenIsPutOffNotFailed() throws Exception {
        try (SyncHarness h = new SyncHarness(5);
             LiveService right = new LiveService(h.ziik, h.learningbank, IntegrationSettings.defaults());
             LiveService wrong = right.anotherInstanceWithKey(SecretBox.newKey(), h.ziik, h.learningbank)) {
            String id = right.integration.id();
            String syncId = wrong.syncs.start(right.integration);

            assertThatThrownBy(wrong::workOne).isInstanceOf(RetryLater.class).hasMessageContaining("ZIIKLB_SECRET_KEY");
            assertThat(right.runs.find(id, syncId).orElseThrow().runStatus()).as("put off, not failed").isEqualTo(RunStatus.RUNNING);
            assertThat(right.integrations.failing(id)).isEmpty();
            assertThat(right.queueStatus().dead()).isZero();
            assertThat(h.learningbank.requestLog().writes()).isZero();

            right.drain(); // the instance with the right key runs the same synchronisation
            assertThat(right.runs.find(id, syncId).orElseThrow().runStatus()).isEqualTo(RunStatus.DONE);

            int ann = h.ziik.organisation().createUser(NewUser.of("Ann", "Berg", "ann@example.com",
                    Membership.of(h.ziik.organisation().topUnitId())));
            wrong.hint("user", ann);
            assertThatThrownBy(wrong::workOne).as("live work too").isInstanceOf(RetryLater.class);
            assertThat(right.queueStatus().dead()).isZero();
            right.drain();
            assertThat(h.learningbank.state().findUserByEmail("ann@example.com")).isPresent();
            assertThat(right.integrations.failing(id)).isEmpty();
        }
    }
}
