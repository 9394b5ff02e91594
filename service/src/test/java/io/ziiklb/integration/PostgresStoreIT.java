package io.ziiklb.integration;

class PostgresStoreIT extends StoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
