package io.ziiklb.queue;

import io.ziiklb.integration.TestDatabase;

class PostgresWorkQueueIT extends WorkQueueContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
