package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule L6's threshold: more than {@code percent} of the linked ones, and at least {@code minimum}. */
class DeletionGuardTest {

    @ParameterizedTest(name = "{0} of {1} -> trips: {2}")
    @CsvSource({"9,10,false", "10,10,true", "10,49,true", "10,50,false", "11,50,true", "0,0,false",
            "2147483647,2147483647,true"})
    void L6_defaultsTripAboveTwentyPercentAndFromTen(int planned, int linked, boolean trips) {
        assertThat(DeletionGuard.defaults().trips(planned, linked)).isEqualTo(trips);
    }

    @Test
    void L6_offNeverTrips() {
        DeletionGuard off = DeletionGuard.off();
        assertThat(off.trips(1_000, 1_000)).isFalse();
        assertThat(off.trips(Integer.MAX_VALUE - 1, 1)).isFalse();
    }

    @ParameterizedTest(name = "{0}% and at least {1}")
    @CsvSource({"0,0", "100,0", "20,10"})
    void L6_percentFrom0To100AndANonNegativeMinimumAreAccepted(int percent, int minimum) {
        assertThat(new DeletionGuard(percent, minimum)).isEqualTo(new DeletionGuard(percent, minimum));
    }

    @ParameterizedTest(name = "{0}% and at least {1}")
    @CsvSource({"-1,10", "101,10", "20,-1"})
    void L6_percentOutside0To100OrANegativeMinimumIsRefused(int percent, int minimum) {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeletionGuard(percent, minimum))
                .withMessage("deletion guard: percent 0-100 and minimum >= 0");
    }

    @Test
    void L6_zeroPercentTripsOnAnyRemovalFromTheMinimum() {
        DeletionGuard strict = new DeletionGuard(0, 1);
        assertThat(strict.trips(1, 1_000)).isTrue();
        assertThat(strict.trips(0, 1_000)).isFalse();
    }
}
