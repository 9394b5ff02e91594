package io.ziiklb.simulator.learningbank;

import io.ziiklb.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh simulator on a free port with a hand-moved clock for each test. */
abstract class SimulatorFixture {
    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    MutableClock clock;
    LearningbankSimulator sim;
    LearningbankState state;
    LbClient api;

    @BeforeEach
    void startSimulator() {
        clock = new MutableClock(START);
        sim = LearningbankSimulator.start(LearningbankSimulator.Config.defaults().withClock(clock));
        state = sim.state();
        api = LbClient.of(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    String top() {
        return state.topDepartmentId();
    }

    /** Seeds an active user with defaults in the given departments (the top one when none). */
    String seedUser(String email, String... departmentIds) {
        List<String> departments = departmentIds.length == 0 ? List.of(top()) : List.of(departmentIds);
        return state.seedUser(NewUser.of(null, email, "Ann", "Berg", departments));
    }

    static String typeId(LearningbankState state, String name) {
        return state.findPermissionTypeByName(name).orElseThrow().id();
    }
}
