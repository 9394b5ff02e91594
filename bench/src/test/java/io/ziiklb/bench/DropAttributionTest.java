package io.ziiklb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.ziik.Delivery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropAttributionTest {

    @Test
    void aDifferenceIsExplainedOnlyByALostDeliveryOfItsOwnUser() {
        List<Delivery> log = List.of(delivery("user.update", 7, true, 0), delivery("user.update", 8, false, 502),
                delivery("user.update", 9, false, 200), delivery("unit.update", 10, true, 0));

        DropAttribution split = DropAttribution.of(List.of("P3: departments of ziik:7 (a@x) are []",
                "P6: ziik:8 (b@x) is_active=true", "P1: email of ziik:9 (c@x) is d@x", "P3: departments of ziik:10 (e@x) are []",
                "R1: role \"Chef\" should have one type named exactly so, found []"), log);

        assertThat(split.explained()).containsExactly("P3: departments of ziik:7 (a@x) are []", "P6: ziik:8 (b@x) is_active=true");
        assertThat(split.unexplained()).hasSize(3).first().asString().contains("ziik:9");
    }

    private static Delivery delivery(String event, int id, boolean dropped, int status) {
        return new Delivery(1, 1, event, "http://proxy/hooks", "{\"id\":" + id + "}", "sha256=x", false, dropped, status, null,
                Instant.EPOCH, Instant.EPOCH);
    }
}
