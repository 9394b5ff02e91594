package io.ziiklb.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class PostgresWorkQueueIT extends WorkQueueContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Test
    void theQueuesBookkeepingCommitsWithoutWaitingForTheDiskAndNothingElseDoes() {
        LazyFlush lazy = LazyFlush.of(new JdbcTemplate(db.dataSource()));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));

        String inside = tx.execute(status -> {
            lazy.thisTransaction(db.jdbc());
            return db.jdbc().sql("SHOW synchronous_commit").query(String.class).single();
        });
        String after = tx.execute(status -> db.jdbc().sql("SHOW synchronous_commit").query(String.class).single());

        assertThat(inside).isEqualTo("off");
        assertThat(after).as("SET LOCAL: the next transaction on the connection is durable again").isEqualTo("on");
    }
}
