package io.ziiklb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwaitedTest {
    @Test
    void aChangeArrivesWithItsOwnWriteOrANewerOne() {
        Awaited awaited = new Awaited();
        awaited.await("user:7", 3, 1_000);
        awaited.await("user:7", 5, 1_010);
        awaited.await("user:7", 9, 1_020);
        awaited.await("user:8", 4, 1_000);

        awaited.arrived("user:7", 5); // brings 3 and 5, not 9
        awaited.arrived("user:9", 1); // not awaited: nothing

        assertThat(awaited.arrivals()).extracting(Awaited.Arrival::object, Awaited.Arrival::n)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user:7", 3), org.assertj.core.groups.Tuple.tuple("user:7", 5));
        assertThat(awaited.stillAwaited()).isEqualTo(2);
        assertThat(awaited.arrivals()).allSatisfy(a -> assertThat(a.latency()).isEqualTo(a.arrivedAt() - a.changedAt()));
    }

    @Test
    void anOlderWriteArrivingLateBringsNothingNewer() {
        Awaited awaited = new Awaited();
        awaited.await("unit:2", 10, 1_000);
        awaited.arrived("unit:2", 9);
        assertThat(awaited.stillAwaited()).isEqualTo(1);
        awaited.arrived("unit:2", 10);
        assertThat(awaited.stillAwaited()).isZero();
    }
}
