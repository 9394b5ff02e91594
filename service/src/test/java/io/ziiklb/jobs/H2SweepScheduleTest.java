package io.ziiklb.jobs;

import io.ziiklb.integration.TestDatabase;

class H2SweepScheduleTest extends SweepScheduleContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
