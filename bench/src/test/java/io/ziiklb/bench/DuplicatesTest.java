package io.ziiklb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.Department;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.PermissionType;
import io.ziiklb.simulator.learningbank.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicatesTest {
    private static final Department TOP = new Department("d-1", "Acme", null, true);

    @Test
    void nothingTwiceIsNoDuplicate() {
        Duplicates none = Duplicates.in(snapshot(List.of(TOP, new Department("d-2", "Bar (4)", "d-1", false)),
                List.of(type("pt-1", "Chef"), type("pt-2", "Waiter")),
                List.of(user("u-1", "ziik:1", "ann@example.com"), user("u-2", null, "bo@example.com"))));

        assertThat(none.total()).isZero();
        assertThat(none.examples()).isEmpty();
    }

    @Test
    void countsEachObjectMadeTwiceIgnoringCase() {
        Duplicates found = Duplicates.in(snapshot(
                List.of(TOP, new Department("d-2", "Bar (4)", "d-1", false), new Department("d-3", "bar (4)", "d-2", false)),
                List.of(type("pt-1", "Chef"), type("pt-2", "chef"), type("pt-3", "CHEF")),
                List.of(user("u-1", "ziik:1", "ann@example.com"), user("u-2", "ziik:1", "ann.2@example.com"),
                        user("u-3", "ziik:2", "Bo@example.com"), user("u-4", "ziik:3", "bo@example.com"))));

        assertThat(found.users()).as("one external id twice, one email twice").isEqualTo(2);
        assertThat(found.departments()).as("one unit's department made twice, under another parent").isEqualTo(1);
        assertThat(found.permissionTypes()).isEqualTo(2);
        assertThat(found.total()).isEqualTo(5);
        assertThat(found.examples()).contains("user with external id \"ziik:1\" x2", "permission type \"chef\" x3");
    }

    private static LearningbankState.Snapshot snapshot(List<Department> departments, List<PermissionType> types, List<User> users) {
        return new LearningbankState.Snapshot(null, departments, types, List.of(), users);
    }

    private static PermissionType type(String id, String name) {
        return new PermissionType(id, name, false, false);
    }

    private static User user(String id, String externalId, String email) {
        return new User(id, externalId, email, "First", "Last", true, "en", List.of("d-1"), List.of(), null,
                Instant.EPOCH, Instant.EPOCH);
    }
}
