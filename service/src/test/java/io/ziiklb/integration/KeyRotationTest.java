package io.ziiklb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation at start, on both databases the service runs on: what an older key sealed is
 * sealed again with the first, what opens with none stops the start, and several instances
 * starting at once with the same keys leave every row opening with the new key alone.
 */
class KeyRotationTest {
    private static final String OLD = SecretBox.newKey();
    private static final String NEW = SecretBox.newKey();

    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private KeyRotation rotation(String keys) {
        return new KeyRotation(db.jdbc(), SecretBox.fromBase64(keys),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));
    }

    private void insert(String id, String key) {
        Instant now = Instant.now();
        new IntegrationStore(db.jdbc(), SecretBox.fromBase64(key)).insert(new Integration(id, true, "http://z", "a", "http://lb",
                "l", IntegrationSettings.defaults(), now, now), new IntegrationSecrets("pw-" + id, null, "lbpw", "token",
                "hook-" + id, "sso"));
    }

    private Map<String, String> sealed() {
        return db.jdbc().sql("SELECT id, secrets FROM integration").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void whatTheOldKeySealedIsSealedAgainWithTheNewAndOpensWithItAlone(TestDatabase.Kind kind) {
        db = TestDatabase.create(kind);
        insert("int-a", OLD);
        insert("int-b", OLD);
        insert("int-c", NEW);
        Map<String, String> before = sealed();

        assertThat(rotation(NEW + "," + OLD).checkAndReseal()).isEqualTo(2);

        Map<String, String> after = sealed();
        assertThat(after.get("int-a")).isNotEqualTo(before.get("int-a"));
        assertThat(after.get("int-c")).as("already sealed with the first key: left as it was").isEqualTo(before.get("int-c"));
        IntegrationStore newAlone = new IntegrationStore(db.jdbc(), SecretBox.fromBase64(NEW));
        assertThat(newAlone.secrets("int-a").ziikPassword()).isEqualTo("pw-int-a");
        assertThat(newAlone.secrets("int-b").webhookSecret()).isEqualTo("hook-int-b");
        assertThat(rotation(NEW).checkAndReseal()).as("the next start has nothing to do").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void credentialsThatNoKeyOpensStopTheStartAndChangeNothing(TestDatabase.Kind kind) {
        db = TestDatabase.create(kind);
        insert("int-a", OLD);
        insert("int-z", SecretBox.newKey());
        Map<String, String> before = sealed();

        assertThatThrownBy(() -> rotation(NEW + "," + OLD).checkAndReseal())
                .isInstanceOf(KeyRotation.CredentialsDoNotOpen.class).hasMessageContaining("int-z")
                .message().doesNotContain(NEW).doesNotContain(OLD);
        assertThat(sealed()).as("rolled back: int-a is not half rotated").isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void severalInstancesStartingAtOnceLeaveEveryRowOpeningWithTheNewKey(TestDatabase.Kind kind) throws Exception {
        db = TestDatabase.create(kind);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add("int-" + (100 + i));
            insert(ids.getLast(), OLD);
        }
        List<Callable<Integer>> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(() -> rotation(NEW + "," + OLD).checkAndReseal());
        }
        int resealed = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(instances.size())) {
            for (Future<Integer> done : pool.invokeAll(instances)) {
                resealed += done.get();
            }
        }
        assertThat(resealed).as("each row sealed again once, by whichever instance got to it").isEqualTo(ids.size());
        IntegrationStore newAlone = new IntegrationStore(db.jdbc(), SecretBox.fromBase64(NEW));
        assertThat(ids.stream().collect(Collectors.toMap(Function.identity(), id -> newAlone.secrets(id).ziikPassword())))
                .allSatisfy((id, password) -> assertThat(password).isEqualTo("pw-" + id));
    }
}
