package io.ziiklb.integration;

class H2LinkStoreTest extends LinkStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
