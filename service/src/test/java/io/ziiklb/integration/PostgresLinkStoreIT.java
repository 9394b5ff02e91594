package io.ziiklb.integration;

class PostgresLinkStoreIT extends LinkStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
