package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The organisation's rules, in process: what it refuses, and what the indexes say after changes. */
class ZiikOrganisationTest {
    private final List<String> fired = new ArrayList<>();
    private ZiikOrganisation org;
    private int site;
    private int kitchen;
    private int department;
    private int chef;
    private int user;

    @BeforeEach
    void setUp() {
        org = new ZiikOrganisation("admin@example.com", (trigger, membership, body) -> fired.add(trigger + (membership ? "(membership)" : "")));
        site = org.createUnit("Harbour", org.topUnitId());
        kitchen = org.createUnit("Kitchen", site);
        department = org.createDepartment("Delivery", site);
        chef = org.createRole("Chef");
        user = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen, chef)));
        fired.clear();
    }

    @Test
    void startsWithTheTopUnitTheAdministratorRoleAndTheAdminAccount() {
        ZiikOrganisation fresh = new ZiikOrganisation("admin@example.com", OrgEvents.NONE);

        assertThat(fresh.summary()).isEqualTo(new ZiikOrganisation.Summary(1, 0, 1, 1, 0, 0, 1, 0));
        assertThat(fresh.memberships(fresh.adminUserId())).singleElement().extracting(Membership::unitId).isEqualTo(fresh.topUnitId());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("delete a unit with members", IllegalStateException.class, t -> t.org.deleteUnit(t.kitchen)),
                refusal("delete a unit with sub-units", IllegalStateException.class, t -> {
                    t.org.replaceMembership(t.user, 0, Membership.of(t.org.topUnitId(), t.chef));
                    t.org.deleteUnit(t.site);
                }),
                refusal("delete the top unit", IllegalStateException.class, t -> t.org.deleteUnit(t.org.topUnitId())),
                refusal("move the top unit", IllegalArgumentException.class, t -> t.org.moveUnit(t.org.topUnitId(), t.site)),
                refusal("move a unit under itself", IllegalArgumentException.class, t -> t.org.moveUnit(t.site, t.kitchen)),
                refusal("a unit under a department", IllegalArgumentException.class, t -> t.org.createUnit("X", t.department)),
                refusal("a department that is not the unit's", IllegalArgumentException.class,
                        t -> t.org.addMembership(t.user, Membership.of(t.org.topUnitId()).inDepartment(t.department))),
                refusal("a department as a membership's unit", IllegalArgumentException.class,
                        t -> t.org.addMembership(t.user, Membership.of(t.department))),
                refusal("two memberships of one unit", IllegalArgumentException.class,
                        t -> t.org.addMembership(t.user, Membership.of(t.kitchen))),
                refusal("remove the last membership", IllegalStateException.class, t -> t.org.removeMembership(t.user, 0)),
                refusal("an email taken in another case", IllegalArgumentException.class,
                        t -> t.org.createUser(NewUser.of("Bo", "Lund", "ANN@Example.com", Membership.of(t.site)))),
                refusal("a blank name", IllegalArgumentException.class, t -> t.org.updateUser(t.user, UserUpdate.none().withName(" ", "B"))),
                refusal("two roles of one name", IllegalArgumentException.class, t -> t.org.createRole("Chef")),
                refusal("an unknown role", NoSuchElementException.class, t -> t.org.addMembership(t.user, Membership.of(t.site, 999))),
                refusal("deactivate the admin account", IllegalStateException.class, t -> t.org.deactivateUser(t.org.adminUserId())),
                refusal("delete the admin account", IllegalStateException.class, t -> t.org.deleteUser(t.org.adminUserId())),
                refusal("change a deleted user", NoSuchElementException.class, t -> {
                    t.org.deleteUser(t.user);
                    t.org.reactivateUser(t.user);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String what, Class<? extends RuntimeException> expected, Consumer<ZiikOrganisationTest> change) {
        assertThatThrownBy(() -> change.accept(this)).isInstanceOf(expected);
    }

    @Test
    void aUnitCanBeDeletedOnceItsUsersAreMovedOut() {
        org.replaceMembership(user, 0, Membership.of(site, chef));
        org.deleteUnit(kitchen);

        assertThat(org.unitIds()).doesNotContain(kitchen);
        assertThat(fired).containsExactly("user.update(membership)", "unit.delete");
    }

    @Test
    void firesOneEventPerChangeAndNothingForRolesOrNoOps() {
        org.updateUser(user, UserUpdate.none().withTitle("Cook"));
        org.deactivateUser(user);
        org.deactivateUser(user);
        org.reactivateUser(user);
        org.renameRole(chef, "Cook");
        org.createRole("Waiter");
        org.moveUnit(kitchen, org.topUnitId());
        org.deleteUser(user);

        assertThat(fired).containsExactly("user.update", "user.update", "user.update", "unit.update", "user.delete");
    }

    @Test
    void deletingARoleTakesItOutOfEveryMembership() {
        int waiter = org.createRole("Waiter");
        org.replaceMembership(user, 0, Membership.of(kitchen, chef, waiter));

        org.deleteRole(chef);

        assertThat(org.memberships(user)).containsExactly(Membership.of(kitchen, waiter));
        assertThat(org.roleIds()).doesNotContain(chef);
    }

    @Test
    void aDeletedUsersEmailIsFreeAgain() {
        org.deleteUser(user);

        int again = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(site)));

        assertThat(again).isGreaterThan(user);
        assertThat(org.summary().anonymisedUsers()).isEqualTo(1);
    }

    @Test
    void concurrentChangesAllLand() throws Exception {
        try (var executor = Executors.newFixedThreadPool(4)) {
            IntStream.range(0, 200).forEach(i -> executor.submit(() ->
                    org.createUser(NewUser.of("U", "" + i, "u" + i + "@example.com", Membership.of(site, chef)))));
        }

        assertThat(org.summary().activeUsers()).isEqualTo(202);
        assertThat(fired).hasSize(200);
    }

    private static Arguments refusal(String what, Class<? extends RuntimeException> expected, Consumer<ZiikOrganisationTest> change) {
        return Arguments.of(what, expected, change);
    }
}
