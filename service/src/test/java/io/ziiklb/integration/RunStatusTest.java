package io.ziiklb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The run statuses keep the strings the database and the API have always had. */
class RunStatusTest {
    @Test
    void wireNamesAreTheStoredAndShownStrings() {
        assertThat(Arrays.stream(RunStatus.values()).map(RunStatus::wireName))
                .containsExactly("running", "done", "failed", "held");
        assertThat(new SyncRun("r", "i", RunStatus.HELD.wireName(), "done", 0, 0, SyncRun.Counts.zero(), 1, null, Instant.EPOCH,
                Instant.EPOCH).status()).isEqualTo("held");
    }

    @Test
    void aRunWithAnUnknownStatusIsRefusedNotPassedOff() {
        assertThatThrownBy(() -> new SyncRun("r", "i", "finished", "done", 0, 0, SyncRun.Counts.zero(), 0, null,
                Instant.EPOCH, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown synchronisation status \"finished\"");
    }
}
