package io.ziiklb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.sync.Links;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every database must do for the link store; run against H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LinkStoreContract {
    private TestDatabase db;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void open() {
        db = TestDatabase.create(kind());
    }

    @AfterAll
    void close() {
        db.close();
    }

    TestDatabase db() {
        return db;
    }

    private JdbcLinkStore newIntegration(String id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db().jdbc().sql("INSERT INTO integration (id, enabled, ziik_base_url, ziik_username, learningbank_base_url,"
                        + " learningbank_username, secrets, settings, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(id, true, "http://z", "admin@z", "http://lb", "lb", "v1:x", "{}", now, now).update();
        return new JdbcLinkStore(db().jdbc(), id);
    }

    @Test
    void linksAreWrittenReplacedReadAndRemoved() {
        JdbcLinkStore store = newIntegration("int-a");
        store.linkDepartment(2, "d-2");
        store.linkDepartment(2, "d-22");
        store.linkPermissionType(10, "pt-1", false);
        store.linkPermissionType(10, "pt-1", true);
        store.linkUser(100, "u-1");
        assertThat(store.department(2)).contains("d-22");
        assertThat(store.permissionType(10)).contains(new Links.RoleLink("pt-1", true));
        assertThat(store.user(100)).contains("u-1");
        assertThat(store.snapshot()).isEqualTo(new Links(
                java.util.Map.of(2L, "d-22"), java.util.Map.of(10L, new Links.RoleLink("pt-1", true)), java.util.Map.of(100L, "u-1")));
        assertThat(store.counts()).containsEntry("departments", 1).containsEntry("users", 1);

        store.unlinkDepartment(2);
        store.unlinkPermissionType(10);
        store.unlinkUser(100);
        store.unlinkUser(999); // nothing to remove is fine
        assertThat(store.snapshot()).isEqualTo(Links.none());
    }

    @Test
    void integrationsAreIsolated() {
        JdbcLinkStore a = newIntegration("int-b");
        JdbcLinkStore b = newIntegration("int-c");
        a.linkUser(1, "u-a");
        b.linkUser(1, "u-b");
        assertThat(a.user(1)).contains("u-a");
        assertThat(b.user(1)).contains("u-b");
        a.unlinkUser(1);
        assertThat(b.user(1)).contains("u-b");
    }

    @Test
    void removingTheIntegrationRemovesItsLinks() {
        JdbcLinkStore store = newIntegration("int-d");
        store.linkUser(1, "u-1");
        db().jdbc().sql("DELETE FROM integration WHERE id = ?").param("int-d").update();
        assertThat(store.snapshot()).isEqualTo(Links.none());
    }

    @Test
    void concurrentUpsertsOfTheSameLinkLeaveOne() throws Exception {
        JdbcLinkStore store = newIntegration("int-e");
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writes.add(pool.submit(() -> store.linkUser(n % 20, "u-" + n)));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        }
        assertThat(store.snapshot().users()).hasSize(20);
    }
}
