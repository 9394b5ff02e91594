package io.ziiklb.jobs;

import io.ziiklb.integration.TestDatabase;

class PostgresSweepScheduleIT extends SweepScheduleContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
