package io.ziiklb.sync;

import static io.ziiklb.sync.World.in;
import static io.ziiklb.sync.World.inDepartment;
import static io.ziiklb.sync.World.lb;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.sync.Operation.AdoptPermissionType;
import io.ziiklb.sync.Operation.CreateDepartment;
import io.ziiklb.sync.Operation.CreatePermissionType;
import io.ziiklb.sync.Operation.CreateUser;
import io.ziiklb.sync.Operation.DeactivateUser;
import io.ziiklb.sync.Operation.DeleteDepartment;
import io.ziiklb.sync.Operation.DeletePermissionType;
import io.ziiklb.sync.Operation.LinkTopDepartment;
import io.ziiklb.sync.Operation.RenamePermissionType;
import io.ziiklb.sync.Operation.UpdateDepartment;
import io.ziiklb.sync.Operation.UpdateUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerTest {

    static <T extends Operation> List<T> ops(Plan plan, Class<T> type) {
        return plan.steps().stream().map(Plan.Step::operation).filter(type::isInstance).map(type::cast).toList();
    }

    static int stepOf(Plan plan, Operation op) {
        return plan.steps().stream().filter(s -> s.operation().equals(op)).findFirst().orElseThrow().index();
    }

    static boolean runsAfter(Plan plan, Operation later, Operation earlier) {
        return plan.steps().get(stepOf(plan, later)).after().contains(stepOf(plan, earlier));
    }

    @Test
    void initialSyncCreatesTreeTypesAndUsersInOrder() {
        World w = new World().unit(2, "Copenhagen", 1).unit(3, "Kitchen", 2).unit(4, "Pastry", 3, "department")
                .role(10, "Chef").role(11, "Waiter")
                .profile("jp-chef", "Chef")
                .person(100, "ann@example.com", true, "da", inDepartment(3, 4, 10, 11), in(2, 11))
                .person(101, "bob@example.com", false, "nb");
        Plan plan = w.plan();

        assertThat(ops(plan, LinkTopDepartment.class)).containsExactly(new LinkTopDepartment(1, "d-top"));
        CreateDepartment cph = new CreateDepartment(2, "Copenhagen", 1);
        CreateDepartment kitchen = new CreateDepartment(3, "Kitchen", 2);
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(cph, kitchen); // unit_type department is not mirrored
        assertThat(runsAfter(plan, kitchen, cph)).isTrue();
        assertThat(ops(plan, CreatePermissionType.class)).extracting(CreatePermissionType::name).containsExactly("Chef", "Waiter");

        CreateUser ann = ops(plan, CreateUser.class).getFirst();
        assertThat(ann.target().externalId()).isEqualTo("ziik:100");
        assertThat(ann.target().departments().ziikIds()).containsExactly(3L, 2L); // the unit decides; its department Pastry is not mirrored
        assertThat(ann.target().permissionTypes().ziikIds()).containsExactly(10L, 11L);
        assertThat(ann.target().jobProfileId()).isEqualTo("jp-chef");
        assertThat(ann.target().language()).isEqualTo("da");
        assertThat(runsAfter(plan, ann, kitchen)).isTrue();

        CreateUser bob = ops(plan, CreateUser.class).get(1);
        assertThat(bob.target().active()).isFalse();
        assertThat(bob.target().language()).isEqualTo("no");
        assertThat(bob.target().departments().ziikIds()).containsExactly(1L); // no membership: the top department
        assertThat(bob.target().permissionTypes()).isNull(); // Learningbank's default type
        assertThat(bob.target().jobProfileId()).isNull(); // Learningbank's default job profile
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.writes()).isEqualTo(2 + 2 + 2);
    }

    @Test
    void unchangedOrganisationPlansNothing() {
        World w = new World().unit(2, "Copenhagen", 1).role(10, "Chef").profile("jp-chef", "Chef")
                .department("d-2", "Copenhagen", "d-top").type("pt-chef", "Chef")
                .person(100, "ann@example.com", true, "en", in(2, 10))
                .lbUser(lb("u-1", 100, "ANN@example.com", true, List.of("d-2", "d-other"), List.of("pt-chef", "pt-user"), "jp-chef"))
                .department("d-other", "Not ours", "d-top")
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkRole(10, "pt-chef", false).linkUser(100, "u-1");
        Plan plan = w.plan();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.problems()).isEmpty();
    }

    @ParameterizedTest(name = "unique units {0}")
    @CsvSource({"false", "true"})
    void repeatedUnitNames(boolean uniqueUnits) {
        World w = new World().unit(2, "Copenhagen", 1).unit(3, "Aarhus", 1).unit(20, "Kitchen", 2).unit(30, "Kitchen", 3)
                .person(100, "ann@example.com", true, "en", in(30));
        w.settings = w.settings.withUniqueUnits(uniqueUnits);
        Plan plan = w.plan();
        List<String> names = ops(plan, CreateDepartment.class).stream().map(CreateDepartment::name).toList();
        if (uniqueUnits) {
            assertThat(names).containsExactly("Copenhagen (2)", "Aarhus (3)", "Kitchen (20)", "Kitchen (30)");
            assertThat(plan.problems()).isEmpty();
            assertThat(ops(plan, CreateUser.class).getFirst().target().departments().ziikIds()).containsExactly(30L);
        } else {
            // rule U6: the lower id gets the name; the other is a name conflict and its users go to its parent
            assertThat(names).containsExactly("Copenhagen", "Aarhus", "Kitchen");
            assertThat(plan.problems()).singleElement().satisfies(p -> {
                assertThat(p.ziikId()).isEqualTo(30);
                assertThat(p.code()).isEqualTo("name_conflict");
                assertThat(p.message()).contains("unique units");
            });
            assertThat(ops(plan, CreateUser.class).getFirst().target().departments().ziikIds()).containsExactly(3L);
        }
    }

    @Test
    void togglingUniqueUnitsRenamesLinkedDepartments() {
        World w = new World().unit(2, "Kitchen", 1).department("d-2", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2");
        w.settings = w.settings.withUniqueUnits(true);
        assertThat(ops(w.plan(), UpdateDepartment.class)).containsExactly(new UpdateDepartment(2, "d-2", "Kitchen (2)", null));
    }

    @Test
    void nameTakenByADepartmentNotOursIsAConflictNotAnAdoption() {
        World w = new World().unit(2, "Kitchen", 1).department("d-theirs", "KITCHEN", "d-top");
        Plan plan = w.plan();
        assertThat(ops(plan, CreateDepartment.class)).isEmpty();
        assertThat(plan.problems()).extracting(Problem::code).containsExactly("name_conflict");
    }

    @Test
    void renameFreesANameForAnotherUnit() {
        World w = new World().unit(2, "Bar", 1).unit(3, "Kitchen", 1)
                .department("d-2", "Kitchen", "d-top").linkUnit(1, "d-top").linkUnit(2, "d-2");
        Plan plan = w.plan();
        UpdateDepartment rename = new UpdateDepartment(2, "d-2", "Bar", null);
        CreateDepartment create = new CreateDepartment(3, "Kitchen", 1);
        assertThat(ops(plan, UpdateDepartment.class)).containsExactly(rename);
        assertThat(ops(plan, CreateDepartment.class)).containsExactly(create);
        assertThat(runsAfter(plan, create, rename)).isTrue();
    }

    @Test
    void swappedNamesStayAndAreReported() {
        World w = new World().unit(2, "B", 1).unit(3, "A", 1)
                .department("d-2", "A", "d-top").department("d-3", "B", "d-top")
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkUnit(3, "d-3");
        Plan plan = w.plan();
        assertThat(ops(plan, UpdateDepartment.class)).isEmpty();
        String reason = "two departments swap names; rename one of them in two steps (turning on unique units avoids this)";
        assertThat(plan.problems()).containsExactlyInAnyOrder(new Problem(ObjectKind.DEPARTMENT, 2, "name_conflict", reason),
                new Problem(ObjectKind.DEPARTMENT, 3, "name_conflict", reason));
    }

    @Test
    void movingASubtreeMovesItsRootParentFirst() {
        // HQ > A > B > C becomes HQ > C > B > A: moves in the new tree's order, never a cycle
        World w = new World().unit(4, "C", 1).unit(3, "B", 4).unit(2, "A", 3)
                .department("d-2", "A", "d-top").department("d-3", "B", "d-2").department("d-4", "C", "d-3")
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkUnit(3, "d-3").linkUnit(4, "d-4");
        Plan plan = w.plan();
        UpdateDepartment c = new UpdateDepartment(4, "d-4", null, 1L);
        UpdateDepartment b = new UpdateDepartment(3, "d-3", null, 4L);
        UpdateDepartment a = new UpdateDepartment(2, "d-2", null, 3L);
        assertThat(ops(plan, UpdateDepartment.class)).containsExactly(c, b, a);
        assertThat(runsAfter(plan, b, c)).isTrue();
        assertThat(runsAfter(plan, a, b)).isTrue();
        assertThat(runsAfter(plan, a, c)).isTrue();
    }

    @Test
    void deletedUnitWithUsersAndChildren() {
        // unit 2 (with child 3) is deleted in Ziik; its user moved to unit 4
        World w = new World().unit(4, "Aarhus", 1)
                .department("d-2", "Copenhagen", "d-top").department("d-3", "Kitchen", "d-2").department("d-4", "Aarhus", "d-top")
                .person(100, "ann@example.com", true, "en", in(4))
                .lbUser(lb("u-1", 100, "ann@example.com", true, List.of("d-3"), List.of("pt-user"), null))
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkUnit(3, "d-3").linkUnit(4, "d-4").linkUser(100, "u-1");
        Plan plan = w.plan();
        DeleteDepartment parent = new DeleteDepartment(2, "d-2", "Copenhagen");
        DeleteDepartment child = new DeleteDepartment(3, "d-3", "Kitchen");
        UpdateUser move = ops(plan, UpdateUser.class).getFirst();
        assertThat(move.target().departments()).isEqualTo(new Refs(List.of(), List.of(4L)));
        assertThat(runsAfter(plan, child, move)).isTrue();
        assertThat(runsAfter(plan, parent, child)).isTrue();
        assertThat(plan.held()).isEmpty();
    }

    @Test
    void rolesAdoptExistingTypesAndAdoptedOnesAreNeverDeleted() {
        World w = new World().role(10, "auditor").role(11, "Manager").type("pt-aud", "Auditor").type("pt-old", "Old")
                .linkRole(12, "pt-old", true).type("pt-gone", "Gone").linkRole(13, "pt-gone", false);
        Plan plan = w.plan();
        assertThat(ops(plan, AdoptPermissionType.class)).containsExactly(
                new AdoptPermissionType(10, "pt-aud", "Auditor", "auditor"),
                new AdoptPermissionType(11, "pt-manager", "Manager", "Manager"));
        assertThat(ops(plan, DeletePermissionType.class)).containsExactlyInAnyOrder(
                new DeletePermissionType(12, "pt-old", "Old", true),
                new DeletePermissionType(13, "pt-gone", "Gone", false));
        assertThat(ops(plan, CreatePermissionType.class)).isEmpty();
        // adopting "Manager" writes nothing; adopting "Auditor" renames it to the role's exact name
        assertThat(plan.writes()).isEqualTo(2);
    }

    @Test
    void renamedRoleWhoseAdoptedTypeIsASystemTypeGetsANewTypeAndLetsTheSystemOneGo() {
        World w = new World().role(11, "Team lead").linkRole(11, "pt-manager", true);
        Plan plan = w.plan();
        DeletePermissionType letGo = new DeletePermissionType(11, "pt-manager", "Manager", true);
        CreatePermissionType create = new CreatePermissionType(11, "Team lead");
        assertThat(ops(plan, DeletePermissionType.class)).containsExactly(letGo);
        assertThat(letGo.writes()).isFalse(); // never deleted: only unlinked
        assertThat(ops(plan, CreatePermissionType.class)).containsExactly(create);
        assertThat(runsAfter(plan, create, letGo)).isTrue();
    }

    @Test
    void renamedRoleRenamesItsType() {
        World w = new World().role(10, "Head chef").type("pt-chef", "Chef").linkRole(10, "pt-chef", false);
        assertThat(ops(w.plan(), RenamePermissionType.class)).containsExactly(new RenamePermissionType(10, "pt-chef", "Head chef"));
    }

    @Test
    void firstContactMatchesByExternalIdThenEmail() {
        World w = new World().person(100, "ann@example.com", true, "en").person(101, "Bob@Example.com", true, "en")
                .lbUser(lb("u-ann", 100, "other@example.com", true, List.of("d-top"), List.of(), null))
                .lbUser(new io.ziiklb.learningbank.LbUser("u-bob", null, "bob@example.com", "First101", "Last101", true,
                        "en", List.of("d-top"), List.of(), null));
        Plan plan = w.plan();
        assertThat(ops(plan, CreateUser.class)).isEmpty();
        List<UpdateUser> links = ops(plan, UpdateUser.class);
        assertThat(links).extracting(UpdateUser::userId, UpdateUser::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u-ann", true), org.assertj.core.groups.Tuple.tuple("u-bob", true));
        assertThat(links.get(0).target().email()).isEqualTo("ann@example.com"); // the link decides, the email follows
        assertThat(links.get(1).target().externalId()).isEqualTo("ziik:101");
        assertThat(links.get(1).target().email()).isNull(); // same email but for case
    }

    @Test
    void emailChangeUpdatesTheLinkedUser() {
        World w = new World().person(100, "new@example.com", true, "en")
                .lbUser(lb("u-1", 100, "old@example.com", true, List.of("d-top"), List.of(), null))
                .linkUnit(1, "d-top").linkUser(100, "u-1");
        assertThat(ops(w.plan(), UpdateUser.class)).singleElement().satisfies(u -> {
            assertThat(u.link()).isFalse();
            assertThat(u.target()).isEqualTo(new UserTarget(null, "new@example.com", null, null, null, null, null, null, null));
        });
    }

    @Test
    void jobProfileOnUpdateOnlyWhenOneMatches() {
        World w = new World().unit(2, "Copenhagen", 1).role(10, "Waiter").role(11, "Chef").profile("jp-chef", "Chef")
                .department("d-2", "Copenhagen", "d-top").type("pt-w", "Waiter").type("pt-c", "Chef")
                .linkUnit(1, "d-top").linkUnit(2, "d-2").linkRole(10, "pt-w", false).linkRole(11, "pt-c", false)
                .person(100, "a@example.com", true, "en", in(2, 10, 11))
                .person(101, "b@example.com", true, "en", in(2, 10))
                .lbUser(lb("u-100", 100, "a@example.com", true, List.of("d-2"), List.of("pt-w", "pt-c"), "jp-x"))
                .lbUser(lb("u-101", 101, "b@example.com", true, List.of("d-2"), List.of("pt-w"), "jp-x"))
                .linkUser(100, "u-100").linkUser(101, "u-101");
        assertThat(ops(w.plan(), UpdateUser.class)).singleElement().satisfies(u -> {
            assertThat(u.ziikUserId()).isEqualTo(100);
            assertThat(u.target().jobProfileId()).isEqualTo("jp-chef");
        });
        w.settings = w.settings.withSyncJobProfiles(false);
        assertThat(ops(w.plan(), UpdateUser.class)).isEmpty();
    }

    @Test
    void unsupportedLanguageIsNotSentAndWarned() {
        World w = new World().person(100, "a@example.com", true, "is");
        Plan plan = w.plan();
        assertThat(ops(plan, CreateUser.class).getFirst().target().language()).isNull();
        assertThat(plan.problems()).extracting(Problem::code).containsExactly("language_unsupported");
    }

    @Test
    void excludedEmailsAreUntouched() {
        World w = new World().person(100, "owner@example.com", false, "en").person(101, "New@Example.com", true, "en")
                .lbUser(lb("u-1", 100, "owner@example.com", true, List.of("d-top"), List.of(), null))
                .linkUser(100, "u-1").linkUnit(1, "d-top");
        w.settings = w.settings.withExcludedEmails(Set.of("OWNER@example.com", "new@example.com"));
        assertThat(w.plan().steps()).isEmpty();
    }

    @Test
    void goneAndDeactivatedUsersAreDeactivatedAndReactivatedUsersReactivated() {
        World w = new World().person(100, "a@example.com", false, "en").person(101, "b@example.com", true, "en")
                .lbUser(lb("u-100", 100, "a@example.com", true, List.of("d-top"), List.of(), null))
                .lbUser(lb("u-101", 101, "b@example.com", false, List.of("d-top"), List.of(), null))
                .lbUser(lb("u-102", 102, "c@example.com", true, List.of("d-top"), List.of(), null))
                .linkUnit(1, "d-top").linkUser(100, "u-100").linkUser(101, "u-101").linkUser(102, "u-102");
        Plan plan = w.plan();
        assertThat(ops(plan, DeactivateUser.class)).containsExactly(new DeactivateUser(100, "u-100"), new DeactivateUser(102, "u-102"));
        assertThat(ops(plan, UpdateUser.class)).singleElement().satisfies(u -> assertThat(u.target().active()).isTrue());
    }

    @ParameterizedTest(name = "{0} of {1} linked users deactivated -> held: {2}")
    @CsvSource({"9,10,false", "10,40,true", "10,50,false", "11,50,true", "30,30,true"})
    void deletionGuard(int deactivated, int linked, boolean held) {
        World w = new World().linkUnit(1, "d-top");
        for (int i = 0; i < linked; i++) {
            boolean active = i >= deactivated;
            w.person(100 + i, "u" + i + "@example.com", active, "en")
                    .lbUser(lb("u-" + i, 100 + i, "u" + i + "@example.com", true, List.of("d-top"), List.of(), null))
                    .linkUser(100 + i, "u-" + i);
        }
        Plan plan = w.plan();
        assertThat(plan.guardTripped()).isEqualTo(held);
        assertThat(plan.held()).hasSize(held ? deactivated : 0);
        assertThat(plan.writes()).isEqualTo(held ? 0 : deactivated);
    }
}
