package io.ziiklb.queue;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue's own bookkeeping (a claim's leases, a completion) need not wait for PostgreSQL to
 * flush its write-ahead log to disk: on PostgreSQL such a transaction commits with
 * {@code synchronous_commit} off. It is as atomic and as visible at once as any other; only a
 * crash of the database server itself, within a fraction of a second of the commit, can take it
 * back, and then the item is as it was before: a lease lost makes the item claimable again (as
 * when a lease expires), a completion lost makes it run once more (handlers are idempotent). Every
 * other write stays durable on return: a hint before its 202, every link, the activity, and the
 * next durable commit flushes these too (the log is written in order). At 200 changes/s the flushes
 * were what bounded one instance on PostgreSQL (docs/performance.md, part 4). H2 has no such
 * setting: there it does nothing.
 */
final class LazyFlush {
    private final boolean postgres;

    private LazyFlush(boolean postgres) {
        this.postgres = postgres;
    }

    /** For the queue's database: asks it once which it is. */
    static LazyFlush of(JdbcTemplate template) {
        Boolean postgres = template.execute((ConnectionCallback<Boolean>) c ->
                "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
        return new LazyFlush(Boolean.TRUE.equals(postgres));
    }

    /** Call first inside the transaction whose commit need not wait for the disk. */
    void thisTransaction(JdbcClient jdbc) {
        if (postgres) {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        }
    }
}
