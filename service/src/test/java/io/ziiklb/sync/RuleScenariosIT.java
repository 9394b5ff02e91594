package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.Department;
import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario per sync rule, end to end through both simulators: arrange Ziik (and what
 * Learningbank already holds), synchronise, change Ziik, synchronise again, check Learningbank.
 */
class RuleScenariosIT {

    /** The organisation, Learningbank and the ids a scenario named. */
    static final class Ctx {
        final SyncHarness h;
        final ZiikOrganisation org;
        final LearningbankState lb;
        final Map<String, Integer> ids = new HashMap<>();
        final Map<String, String> lbIds = new HashMap<>();
        FullSync.Result last;

        Ctx(SyncHarness h) {
            this.h = h;
            this.org = h.ziik.organisation();
            this.lb = h.learningbank.state();
        }

        int id(String name) {
            return ids.get(name);
        }

        int user(String key, String email, int unit, int... roles) {
            int id = org.createUser(NewUser.of("First " + key, "Last " + key, email, Membership.of(unit, roles)).withLanguage("da"));
            ids.put(key, id);
            return id;
        }

        int unit(String key, String name, int parent) {
            int id = org.createUnit(name, parent);
            ids.put(key, id);
            return id;
        }

        User lbUser(String key) {
            return lb.findUserByExternalId("ziik:" + id(key)).orElseThrow();
        }

        Department department(String name) {
            return lb.findDepartmentByName(name).orElseThrow(() -> new AssertionError("no department " + name));
        }

        List<String> departmentNames(User u) {
            return u.departmentIds().stream().map(d -> lb.findDepartment(d).orElseThrow().name()).sorted().toList();
        }

        List<String> typeNames(User u) {
            return u.permissionTypeIds().stream().map(t -> lb.findPermissionType(t).orElseThrow().name()).sorted().toList();
        }

        List<Problem> problems() {
            List<Problem> all = new java.util.ArrayList<>(last.plan().problems());
            all.addAll(last.report().problems());
            return all;
        }
    }

    record Scenario(String rule, Consumer<Ctx> arrange, Consumer<Ctx> change, Consumer<Ctx> verify) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("U3 unique units off, then on, then off again renames departments", c -> {
                    int cph = c.unit("cph", "Copenhagen", c.org.topUnitId());
                    c.unit("kitchen", "Kitchen", cph);
                }, c -> c.h.settings = c.h.settings.withUniqueUnits(true), c -> {
                    assertThat(c.department("Kitchen (" + c.id("kitchen") + ")").parentId())
                            .isEqualTo(c.department("Copenhagen (" + c.id("cph") + ")").id());
                    c.h.settings = c.h.settings.withUniqueUnits(false);
                    c.last = c.h.sync();
                    assertThat(c.department("Kitchen").parentId()).isEqualTo(c.department("Copenhagen").id());
                }),
                new Scenario("U6 repeated unit names without unique units: one conflict, its users go up", c -> {
                    int cph = c.unit("cph", "Copenhagen", c.org.topUnitId());
                    int aar = c.unit("aar", "Aarhus", c.org.topUnitId());
                    c.unit("k1", "Kitchen", cph);
                    int k2 = c.unit("k2", "Kitchen", aar);
                    c.user("ann", "ann@example.com", k2);
                }, c -> { }, c -> {
                    assertThat(c.lb.departments()).filteredOn(d -> d.name().equals("Kitchen")).singleElement()
                            .satisfies(d -> assertThat(d.parentId()).isEqualTo(c.department("Copenhagen").id()));
                    assertThat(c.departmentNames(c.lbUser("ann"))).containsExactly("Aarhus");
                    assertThat(c.problems()).anySatisfy(p -> {
                        assertThat(p.code()).isEqualTo("name_conflict");
                        assertThat(p.ziikId()).isEqualTo(c.id("k2"));
                    });
                }),
                new Scenario("O2 a department whose create was cut off by a crash is linked, not called a conflict", c -> {
                    int kitchen = c.unit("kitchen", "Kitchen", c.org.topUnitId());
                    c.user("ann", "ann@example.com", kitchen);
                }, c -> { // the state a crash leaves: the intent written, the create applied, no link
                    c.ids.put("bar", c.org.createUnit("Bar", c.org.topUnitId()));
                    c.lbIds.put("bar", c.lb.seedDepartment("Bar", c.lb.topDepartmentId()));
                    c.h.links.intendDepartment(c.id("bar"), "Bar");
                    c.org.replaceMembership(c.id("ann"), 0, Membership.of(c.id("bar")));
                }, c -> {
                    assertThat(c.problems()).isEmpty();
                    assertThat(c.h.links.department(c.id("bar"))).contains(c.lbIds.get("bar"));
                    assertThat(c.lb.departments()).filteredOn(d -> d.name().equals("Bar")).hasSize(1);
                    assertThat(c.departmentNames(c.lbUser("ann"))).containsExactly("Bar");
                    assertThat(c.h.links.snapshot().createIntents()).isEmpty();
                }),
                new Scenario("O2 a create intent that found nothing is dropped, and never takes a department later", c ->
                        c.unit("kitchen", "Kitchen", c.org.topUnitId()), c -> {
                    c.h.links.intendDepartment(c.id("kitchen"), "Kitchen"); // a stale intent of a linked unit
                    c.ids.put("bar", c.org.createUnit("Bar", c.org.topUnitId()));
                    c.h.links.intendDepartment(c.id("bar"), "Old bar"); // the create never applied
                }, c -> {
                    assertThat(c.h.links.snapshot().createIntents()).isEmpty();
                    assertThat(c.lb.findDepartmentByName("Bar")).isPresent();
                    c.lb.seedDepartment("Old bar", c.lb.topDepartmentId()); // someone else's, made later
                    c.last = c.h.sync();
                    assertThat(c.h.links.snapshot().units()).doesNotContainValue(c.department("Old bar").id());
                }),
                new Scenario("U4 a moved subtree moves with its departments and users", c -> {
                    int cph = c.unit("cph", "Copenhagen", c.org.topUnitId());
                    int aar = c.unit("aar", "Aarhus", c.org.topUnitId());
                    int kitchen = c.unit("kitchen", "Kitchen", cph);
                    c.unit("pastry", "Pastry", kitchen);
                    c.user("ann", "ann@example.com", kitchen);
                    c.ids.put("aarhus", aar);
                }, c -> c.org.moveUnit(c.id("kitchen"), c.id("aarhus")), c -> {
                    assertThat(c.department("Kitchen").parentId()).isEqualTo(c.department("Aarhus").id());
                    assertThat(c.department("Pastry").parentId()).isEqualTo(c.department("Kitchen").id());
                    assertThat(c.departmentNames(c.lbUser("ann"))).containsExactly("Kitchen");
                }),
                new Scenario("U5 a deleted unit with users and children: users moved, children and unit deleted", c -> {
                    int cph = c.unit("cph", "Copenhagen", c.org.topUnitId());
                    int kitchen = c.unit("kitchen", "Kitchen", cph);
                    c.unit("aar", "Aarhus", c.org.topUnitId());
                    c.user("ann", "ann@example.com", kitchen);
                }, c -> {
                    c.org.replaceMembership(c.id("ann"), 0, Membership.of(c.id("aar")));
                    c.org.deleteUnit(c.id("kitchen"));
                    c.org.deleteUnit(c.id("cph"));
                }, c -> {
                    assertThat(c.lb.findDepartmentByName("Kitchen")).isEmpty();
                    assertThat(c.lb.findDepartmentByName("Copenhagen")).isEmpty();
                    assertThat(c.departmentNames(c.lbUser("ann"))).containsExactly("Aarhus");
                    assertThat(c.problems()).isEmpty();
                }),
                new Scenario("U5 a delete blocked by a user ziiklb does not manage is reported and the department kept", c -> {
                    c.unit("kitchen", "Kitchen", c.org.topUnitId());
                }, c -> {
                    c.lb.seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null, "local@example.com", "Lo", "Cal",
                            List.of(c.department("Kitchen").id())));
                    c.org.deleteUnit(c.id("kitchen"));
                }, c -> {
                    assertThat(c.lb.findDepartmentByName("Kitchen")).isPresent();
                    assertThat(c.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("delete_blocked"));
                    assertThat(c.lb.findUserByEmail("local@example.com").orElseThrow().departmentIds())
                            .containsExactly(c.department("Kitchen").id());
                    // U5: tried again at every synchronisation, until the department can go
                    c.lb.seedDepartment("Elsewhere", null);
                    String elsewhere = c.department("Elsewhere").id();
                    c.h.learningbankClient().updateUser(c.lb.findUserByEmail("local@example.com").orElseThrow().id(),
                            io.ziiklb.learningbank.LbUserChange.none().withDepartmentIds(List.of(elsewhere)));
                    c.last = c.h.sync();
                    assertThat(c.lb.findDepartmentByName("Kitchen")).isEmpty();
                }),
                new Scenario("R2 an adopted permission type is renamed with its role but never deleted", c -> {
                    c.lbIds.put("auditor", c.lb.seedPermissionType("auditor"));
                    c.ids.put("role", c.org.createRole("Auditor"));
                }, c -> {
                    assertThat(c.lb.findPermissionType(c.lbIds.get("auditor")).orElseThrow().name()).isEqualTo("Auditor");
                    c.org.deleteRole(c.id("role"));
                }, c -> assertThat(c.lb.findPermissionType(c.lbIds.get("auditor"))).isPresent()),
                new Scenario("R1 a created role's type is deleted with it, and taken off its users", c -> {
                    c.ids.put("chef", c.org.createRole("Chef"));
                    c.user("ann", "ann@example.com", c.org.topUnitId(), c.id("chef"));
                }, c -> {
                    assertThat(c.typeNames(c.lbUser("ann"))).containsExactly("Chef");
                    c.org.deleteRole(c.id("chef"));
                }, c -> {
                    assertThat(c.lb.findPermissionTypeByName("Chef")).isEmpty();
                    assertThat(c.typeNames(c.lbUser("ann"))).isEmpty();
                }),
                new Scenario("P2 an email change updates the same Learningbank user", c ->
                        c.user("ann", "ann@example.com", c.org.topUnitId()), c -> {
                    c.lbIds.put("ann", c.lbUser("ann").id());
                    c.org.updateUser(c.id("ann"), UserUpdate.none().withEmail("ann.berg@example.com"));
                }, c -> {
                    assertThat(c.lbUser("ann").id()).isEqualTo(c.lbIds.get("ann"));
                    assertThat(c.lbUser("ann").email()).isEqualTo("ann.berg@example.com");
                    assertThat(c.lb.users()).hasSize(2); // ann and the integration's admin account: no second ann
                }),
                new Scenario("P2 an existing user is matched by email, keeping what ziiklb does not manage", c -> {
                    String external = c.lb.seedDepartment("External Training", null);
                    String cc = c.lb.findPermissionTypeByName("Content Creator").orElseThrow().id();
                    c.lbIds.put("ann", c.lb.seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null, "ANN@example.com",
                            "Old", "Name", List.of(external)).withPermissionTypeIds(List.of(cc))));
                    c.ids.put("chef", c.org.createRole("Chef"));
                    c.user("ann", "ann@example.com", c.org.topUnitId(), c.id("chef"));
                }, c -> { }, c -> {
                    User ann = c.lbUser("ann");
                    assertThat(ann.id()).isEqualTo(c.lbIds.get("ann"));
                    assertThat(ann.firstName()).isEqualTo("First ann");
                    assertThat(c.departmentNames(ann)).containsExactly("Acme", "External Training");
                    assertThat(c.typeNames(ann)).containsExactly("Chef", "Content Creator");
                }),
                new Scenario("P5 job profile matched on create and on update, left alone when none matches", c -> {
                    c.lbIds.put("chef", c.lb.seedJobProfile("Chef", false));
                    c.lbIds.put("default", c.lb.seedJobProfile("Employee", true));
                    c.ids.put("chef", c.org.createRole("Chef"));
                    c.ids.put("waiter", c.org.createRole("Waiter"));
                    c.user("ann", "ann@example.com", c.org.topUnitId(), c.id("waiter"), c.id("chef"));
                    c.user("bob", "bob@example.com", c.org.topUnitId(), c.id("waiter"));
                }, c -> {
                    assertThat(c.lbUser("ann").jobProfileId()).isEqualTo(c.lbIds.get("chef"));
                    assertThat(c.lbUser("bob").jobProfileId()).isEqualTo(c.lbIds.get("default"));
                    c.org.replaceMembership(c.id("bob"), 0, Membership.of(c.org.topUnitId(), c.id("chef")));
                    c.org.replaceMembership(c.id("ann"), 0, Membership.of(c.org.topUnitId(), c.id("waiter")));
                }, c -> {
                    assertThat(c.lbUser("bob").jobProfileId()).isEqualTo(c.lbIds.get("chef"));
                    assertThat(c.lbUser("ann").jobProfileId()).as("no match: left as it is").isEqualTo(c.lbIds.get("chef"));
                }),
                new Scenario("P7 languages are mapped, and one Learningbank lacks is not sent and warned", c -> {
                    c.org.createUser(NewUser.of("Nora", "N", "nora@example.com", Membership.of(c.org.topUnitId())).withLanguage("nb"));
                    c.org.createUser(NewUser.of("Eva", "E", "eva@example.com", Membership.of(c.org.topUnitId())).withLanguage("et"));
                    c.ids.put("ina", c.org.createUser(NewUser.of("Ina", "I", "ina@example.com", Membership.of(c.org.topUnitId())).withLanguage("is")));
                }, c -> { }, c -> {
                    assertThat(c.lb.findUserByEmail("nora@example.com").orElseThrow().language()).isEqualTo("no");
                    assertThat(c.lb.findUserByEmail("eva@example.com").orElseThrow().language()).isEqualTo("et_EE");
                    assertThat(c.lb.findUserByEmail("ina@example.com").orElseThrow().language()).isEqualTo("en");
                    assertThat(c.problems()).anySatisfy(p -> {
                        assertThat(p.code()).isEqualTo("language_unsupported");
                        assertThat(p.ziikId()).isEqualTo(c.id("ina"));
                    });
                }),
                new Scenario("P8 excluded emails are never created, changed or deactivated", c -> {
                    c.lbIds.put("owner", c.lb.seedUser(io.ziiklb.simulator.learningbank.NewUser.of(null, "owner@example.com",
                            "Olga", "Owner", List.of(c.lb.topDepartmentId()))));
                    c.user("owner", "Owner@Example.com", c.org.topUnitId());
                    c.user("boss", "boss@example.com", c.org.topUnitId());
                    c.h.settings = c.h.settings.withExcludedEmails(Set.of("owner@example.com", "boss@example.com"));
                }, c -> {
                    c.org.deactivateUser(c.id("owner"));
                    c.org.updateUser(c.id("owner"), UserUpdate.none().withName("Changed", "Name"));
                }, c -> {
                    User owner = c.lb.findUser(c.lbIds.get("owner")).orElseThrow();
                    assertThat(owner.isActive()).isTrue();
                    assertThat(owner.firstName()).isEqualTo("Olga");
                    assertThat(owner.externalId()).isNull();
                    assertThat(c.lb.findUserByEmail("boss@example.com")).isEmpty();
                }),
                new Scenario("P6 deactivated, reactivated and deleted users", c -> {
                    c.user("ann", "ann@example.com", c.org.topUnitId());
                    c.user("bob", "bob@example.com", c.org.topUnitId());
                    c.org.deactivateUser(c.id("bob"));
                    c.user("cid", "cid@example.com", c.org.topUnitId());
                }, c -> {
                    assertThat(c.lbUser("bob").isActive()).isFalse();
                    c.org.deactivateUser(c.id("ann"));
                    c.org.reactivateUser(c.id("bob"));
                    c.org.deleteUser(c.id("cid"));
                }, c -> {
                    assertThat(c.lbUser("ann").isActive()).isFalse();
                    assertThat(c.lbUser("bob").isActive()).isTrue();
                    assertThat(c.lbUser("cid").isActive()).as("deleted in Ziik: deactivated, never deleted").isFalse();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rule(Scenario scenario) {
        try (SyncHarness h = new SyncHarness(1)) {
            Ctx c = new Ctx(h);
            scenario.arrange().accept(c);
            c.last = h.sync();
            scenario.change().accept(c);
            c.last = h.sync();
            scenario.verify().accept(c);
            h.learningbank.requestLog().reset();
            h.sync();
            assertThat(h.learningbank.requestLog().writes()).as("settled: Learningbank receives no write").isZero();
        }
    }
}
