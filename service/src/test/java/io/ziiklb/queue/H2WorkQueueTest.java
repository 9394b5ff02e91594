package io.ziiklb.queue;

import io.ziiklb.integration.TestDatabase;

class H2WorkQueueTest extends WorkQueueContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
