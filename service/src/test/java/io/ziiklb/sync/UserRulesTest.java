package io.ziiklb.sync;

import static io.ziiklb.sync.PlannerTest.ops;
import static io.ziiklb.sync.PlannerTest.runsAfter;
import static io.ziiklb.sync.World.in;
import static io.ziiklb.sync.World.lb;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.learningbank.LbUser;
import io.ziiklb.sync.Operation.CreateDepartment;
import io.ziiklb.sync.Operation.CreatePermissionType;
import io.ziiklb.sync.Operation.CreateUser;
import io.ziiklb.sync.Operation.DeactivateUser;
import io.ziiklb.sync.Operation.DeleteDepartment;
import io.ziiklb.sync.Operation.ForgetLink;
import io.ziiklb.sync.Operation.UpdateUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules P1-P8 in a full synchronisation's plan: every Ziik user has one linked Learningbank user. */
class UserRulesTest {

    private static final UserTarget NOTHING = UserTarget.empty();

    /** A Learningbank user as ziiklb would have made Ziik user {@code ziikId}: in the top department, no types. */
    private static LbUser made(String id, long ziikId, String email) {
        return lb(id, ziikId, email, true, List.of("d-top"), List.of(), null);
    }

    @Test
    void P1_aLinkWhoseUserIsGoneIsForgottenAndTheUserMadeAgain() {
        World w = new World().linkUnit(1, "d-top").person(100, "a@example.com", true, "en").linkUser(100, "u-gone");
        Plan plan = w.plan();
        assertThat(ops(plan, ForgetLink.class)).containsExactly(new ForgetLink(ObjectKind.USER, 100, "u-gone"));
        assertThat(ops(plan, CreateUser.class)).containsExactly(new CreateUser(100, new UserTarget("ziik:100",
                "a@example.com", "First100", "Last100", true, "en", new Refs(List.of(), List.of(1L)), null, null)));
    }

    @Test
    void P1_aChangedLastNameSendsBothNames() {
        World w = new World().linkUnit(1, "d-top").person(100, "a@example.com", true, "en")
                .lbUser(new LbUser("u-1", "ziik:100", "a@example.com", "First100", "Berg", true, "en",
                        List.of("d-top"), List.of(), null))
                .linkUser(100, "u-1");
        assertThat(ops(w.plan(), UpdateUser.class)).containsExactly(new UpdateUser(100, "u-1", false,
                new UserTarget(null, null, "First100", "Last100", null, null, null, null, null)));
    }

    @Test
    void P1_aUserWithoutEmailIsNotCreatedAndReported() {
        World w = new World().person(100, null, true, "en");
        Plan plan = w.plan();
        assertThat(ops(plan, CreateUser.class)).isEmpty();
        assertThat(plan.problems()).containsExactly(new Problem(ObjectKind.USER, 100, "missing_email",
                "the Ziik user has no email, which Learningbank requires; not created"));
    }

    @Test
    void P2_aUserLinkedToAnotherZiikUserIsNotMatched() {
        // u-x carries 100's external id and u-y its email, but both are linked to other Ziik users
        World w = new World().linkUnit(1, "d-top")
                .person(100, "a@example.com", true, "en").person(200, "x@example.com", true, "en")
                .person(201, "y@example.com", true, "en")
                .lbUser(lb("u-x", 100, "x@example.com", true, List.of("d-top"), List.of(), null)).linkUser(200, "u-x")
                .lbUser(lb("u-y", 201, "A@example.com", true, List.of("d-top"), List.of(), null)).linkUser(201, "u-y");
        Plan plan = w.plan();
        assertThat(ops(plan, CreateUser.class)).extracting(CreateUser::ziikUserId).containsExactly(100L);
        assertThat(ops(plan, UpdateUser.class)).extracting(UpdateUser::userId, UpdateUser::link).containsExactly(
                org.assertj.core.groups.Tuple.tuple("u-x", false), org.assertj.core.groups.Tuple.tuple("u-y", false));
    }

    @Test
    void P2_aUserMatchedByNeitherIsCreated() {
        World w = new World().person(100, "a@example.com", true, "en")
                .lbUser(new LbUser("u-other", null, "b@example.com", "B", "B", true, "en", List.of("d-top"), List.of(), null));
        Plan plan = w.plan();
        assertThat(ops(plan, UpdateUser.class)).isEmpty();
        assertThat(ops(plan, CreateUser.class)).extracting(CreateUser::ziikUserId).containsExactly(100L);
    }

    @Test
    void P2_anEmailTakenOverFromAnotherUserWaitsUntilThatUserLetsGoOfIt() {
        // 100 changes a@ -> c@; 101 changes b@ -> a@ (100's old one); new user 102 gets b@ (101's old one)
        World w = new World().linkUnit(1, "d-top")
                .person(100, "c@example.com", true, "en").person(101, "a@example.com", true, "en")
                .person(102, "B@example.com", true, "en")
                .lbUser(made("u-100", 100, "a@example.com")).linkUser(100, "u-100")
                .lbUser(made("u-101", 101, "b@example.com")).linkUser(101, "u-101");
        Plan plan = w.plan();
        UpdateUser first = new UpdateUser(100, "u-100", false, new UserTarget(null, "c@example.com", null, null, null, null, null, null, null));
        UpdateUser second = new UpdateUser(101, "u-101", false, new UserTarget(null, "a@example.com", null, null, null, null, null, null, null));
        assertThat(ops(plan, UpdateUser.class)).containsExactly(first, second);
        CreateUser third = ops(plan, CreateUser.class).getFirst();
        assertThat(runsAfter(plan, second, first)).isTrue();
        assertThat(runsAfter(plan, third, second)).isTrue();
        assertThat(plan.steps().get(PlannerTest.stepOf(plan, first)).after()).isEmpty();
    }

    @Test
    void P3_aMoveIntoANewUnitWaitsForItsDepartmentAndUnmanagedDepartmentsStay() {
        World w = new World().unit(2, "Kitchen", 1).department("d-theirs", "Theirs", "d-top").linkUnit(1, "d-top")
                .person(100, "a@example.com", true, "en", in(2))
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-top", "d-theirs"), List.of(), null)).linkUser(100, "u-1");
        Plan plan = w.plan();
        CreateDepartment kitchen = new CreateDepartment(2, "Kitchen", 1);
        UpdateUser move = new UpdateUser(100, "u-1", false, NOTHING.withDepartments(new Refs(List.of("d-theirs"), List.of(2L))));
        assertThat(ops(plan, UpdateUser.class)).containsExactly(move);
        assertThat(runsAfter(plan, move, kitchen)).isTrue();
    }

    @Test
    void P4_theManagedTypesAreExactlyThoseOfTheFirstMembershipsRolesAndUnmanagedOnesStay() {
        World w = new World().unit(2, "Kitchen", 1).department("d-2", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2")
                .role(10, "Chef").role(11, "Waiter").role(12, "Host")
                .type("pt-chef", "Chef").linkRole(10, "pt-chef", false).type("pt-theirs", "Theirs")
                .person(100, "a@example.com", true, "en", in(2, 11, 12), in(2, 10))
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-2"), List.of("pt-chef", "pt-theirs"), null))
                .linkUser(100, "u-1");
        Plan plan = w.plan();
        UpdateUser update = new UpdateUser(100, "u-1", false, new UserTarget(null, null, null, null, null, null, null,
                new Refs(List.of("pt-theirs"), List.of(11L, 12L)), null));
        assertThat(ops(plan, UpdateUser.class)).containsExactly(update);
        for (CreatePermissionType create : ops(plan, CreatePermissionType.class)) {
            assertThat(runsAfter(plan, update, create)).isTrue();
        }
        assertThat(ops(plan, CreatePermissionType.class)).hasSize(2);
    }

    @Test
    void P4_aLostRoleTypeIsTakenOffTheUser() {
        World w = new World().linkUnit(1, "d-top").role(10, "Chef").type("pt-chef", "Chef").linkRole(10, "pt-chef", false)
                .person(100, "a@example.com", true, "en", in(1))
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-top"), List.of("pt-chef"), null)).linkUser(100, "u-1");
        assertThat(ops(w.plan(), UpdateUser.class)).containsExactly(new UpdateUser(100, "u-1", false,
                new UserTarget(null, null, null, null, null, null, null, new Refs(List.of(), List.of()), null)));
    }

    @Test
    void P4_aTypeDeletedWithItsRoleNeedsNoUpdateOfTheUser() {
        // Learningbank takes a deleted type off its users by itself
        World w = new World().linkUnit(1, "d-top").type("pt-gone", "Gone").linkRole(10, "pt-gone", false)
                .person(100, "a@example.com", true, "en", in(1))
                .lbUser(lb("u-1", 100, "a@example.com", true, List.of("d-top"), List.of("pt-gone"), null)).linkUser(100, "u-1");
        assertThat(w.plan().steps()).extracting(Plan.Step::operation)
                .containsExactly(new Operation.DeletePermissionType(10, "pt-gone", "Gone", false));
    }

    @Test
    void P7_aChangedLanguageIsSentAndAnUnchangedOneIsNot() {
        World w = new World().linkUnit(1, "d-top").person(100, "a@example.com", true, "nn").person(101, "b@example.com", true, "en")
                .lbUser(made("u-100", 100, "a@example.com")).linkUser(100, "u-100")
                .lbUser(made("u-101", 101, "b@example.com")).linkUser(101, "u-101");
        assertThat(ops(w.plan(), UpdateUser.class)).containsExactly(new UpdateUser(100, "u-100", false,
                new UserTarget(null, null, null, null, null, "no", null, null, null)));
    }

    @Test
    void P8_aUserWhoseLearningbankEmailIsExcludedIsUntouched() {
        // matched by external id; the Learningbank user is an owner on the exclude list
        World w = new World().person(100, "ann@example.com", true, "is")
                .lbUser(lb("u-1", 100, "owner@example.com", false, List.of("d-top"), List.of(), null));
        w.settings = w.settings.withExcludedEmails(Set.of("owner@example.com"));
        Plan plan = w.plan();
        assertThat(ops(plan, UpdateUser.class)).isEmpty();
        assertThat(ops(plan, CreateUser.class)).isEmpty();
        assertThat(plan.problems()).isEmpty(); // not even a language warning: the user is not ours to plan
    }

    @Test
    void P8_aGoneUserWhoseEmailIsExcludedIsNotDeactivated() {
        World w = new World().linkUnit(1, "d-top").lbUser(made("u-1", 100, "owner@example.com")).linkUser(100, "u-1");
        w.settings = w.settings.withExcludedEmails(Set.of("Owner@Example.com "));
        assertThat(w.plan().steps()).isEmpty();
    }

    @Test
    void P6_aGoneUserWhoseLearningbankUserIsGoneIsForgotten() {
        World w = new World().linkUnit(1, "d-top").linkUser(100, "u-gone");
        assertThat(w.plan().steps()).extracting(Plan.Step::operation)
                .containsExactly(new ForgetLink(ObjectKind.USER, 100, "u-gone"));
    }

    @Test
    void P6_aGoneUserIsMovedOutOfDeletedDepartmentsThenDeactivated() {
        // 100 and 101 are gone from Ziik, and so are units 2 and 3
        World w = new World().linkUnit(1, "d-top").linkUnit(2, "d-2").linkUnit(3, "d-3")
                .department("d-2", "Two", "d-top").department("d-3", "Three", "d-top").department("d-theirs", "Theirs", "d-top")
                .lbUser(lb("u-100", 100, "a@example.com", true, List.of("d-2", "d-theirs"), List.of(), null)).linkUser(100, "u-100")
                .lbUser(lb("u-101", 101, "b@example.com", false, List.of("d-2", "d-3"), List.of(), null)).linkUser(101, "u-101")
                .lbUser(lb("u-102", 102, "c@example.com", true, List.of("d-theirs"), List.of(), null)).linkUser(102, "u-102");
        Plan plan = w.plan();
        UpdateUser keepTheirs = new UpdateUser(100, "u-100", false, NOTHING.withDepartments(new Refs(List.of("d-theirs"), List.of())));
        UpdateUser toTop = new UpdateUser(101, "u-101", false, NOTHING.withDepartments(new Refs(List.of(), List.of(1L))));
        assertThat(ops(plan, UpdateUser.class)).containsExactly(keepTheirs, toTop);
        assertThat(ops(plan, DeactivateUser.class)).containsExactly(new DeactivateUser(100, "u-100"), new DeactivateUser(102, "u-102"));
        DeleteDepartment two = new DeleteDepartment(2, "d-2", "Two");
        DeleteDepartment three = new DeleteDepartment(3, "d-3", "Three");
        assertThat(runsAfter(plan, two, keepTheirs)).isTrue();
        assertThat(runsAfter(plan, two, toTop)).isTrue();
        assertThat(runsAfter(plan, three, toTop)).isTrue();
        assertThat(runsAfter(plan, three, keepTheirs)).isFalse();
    }
}
