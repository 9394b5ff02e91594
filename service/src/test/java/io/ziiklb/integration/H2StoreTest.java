package io.ziiklb.integration;

class H2StoreTest extends StoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
