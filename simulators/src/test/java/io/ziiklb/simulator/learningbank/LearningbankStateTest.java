package io.ziiklb.simulator.learningbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The model without HTTP: seeding rules, scale and concurrency. */
class LearningbankStateTest {
    private final LearningbankState state = new LearningbankState(new MutableClock(Instant.parse("2025-03-01T09:00:00Z")));

    @Test
    void seedingFollowsTheApiRules() {
        state.seedDepartment("Sales", null);

        SimProblem duplicate = catchThrowableOfType(SimProblem.class, () -> state.seedDepartment("SALES", null));
        SimProblem badUser = catchThrowableOfType(SimProblem.class,
                () -> state.seedUser(NewUser.of(null, "nope", "A", "B", List.of("d-99"))));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("duplicate_name");
        assertThat(badUser.status()).isEqualTo(422);
        assertThat(badUser.fields()).containsOnlyKeys("email", "department_ids");
    }

    @Test
    void holdsAHundredThousandUsersWithIndexedLookups() {
        List<String> departments = IntStream.range(0, 20).mapToObj(i -> state.seedDepartment("Unit " + i, null)).toList();
        for (int i = 0; i < 100_000; i++) {
            state.seedUser(NewUser.of("ext-" + i, "user" + i + "@example.com", "U", "" + i, List.of(departments.get(i % 20))));
        }

        assertThat(state.userCount()).isEqualTo(100_000);
        assertThat(state.findUserByEmail("USER77777@example.com")).map(User::externalId).contains("ext-77777");
        assertThat(state.findUserByExternalId("ext-99999")).map(User::id).contains("u-100000");
        Page<User> unit3 = state.listUsers(new UserFilter(null, null, departments.get(3), true), new PageRequest(2, 200));
        assertThat(unit3.total()).isEqualTo(5_000);
        assertThat(unit3.items()).hasSize(200).first().extracting(User::externalId).isEqualTo("ext-4003");
    }

    @Test
    void concurrentWritersGetUniqueIdsAndConsistentIndexes() throws Exception {
        String top = state.topDepartmentId();
        List<Future<List<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        ids.add(state.seedUser(NewUser.of("t" + thread + "-" + i, "t" + thread + "." + i + "@example.com", "T", "U", List.of(top))));
                        state.listUsers(new UserFilter(null, null, top, null), new PageRequest(1, 10));
                    }
                    return ids;
                }));
            }
        }

        var ids = new HashSet<String>();
        for (Future<List<String>> result : results) {
            ids.addAll(result.get());
        }
        assertThat(ids).hasSize(4_000);
        assertThat(state.listUsers(new UserFilter(null, null, top, null), new PageRequest(1, 1)).total()).isEqualTo(4_000);
        assertThat(state.users()).allSatisfy(u -> assertThat(state.findUserByExternalId(u.externalId())).contains(u));
    }
}
