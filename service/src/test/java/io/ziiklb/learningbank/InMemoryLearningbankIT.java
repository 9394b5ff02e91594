package io.ziiklb.learningbank;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Keeps the fast tests' {@link InMemoryLearningbank} honest: the same calls, made through
 * {@link LearningbankApi} to it and to the simulator (through the real client, over HTTP), answer
 * the same: the same objects (compared by name, since ids differ) and the same refusals (status and
 * code). Covers the rules the engine relies on: unique names, protected top department and system
 * types, non-empty departments, unique emails and external ids, defaults, validation, not found.
 */
class InMemoryLearningbankIT {

    @Test
    void theInMemoryLearningbankAnswersTheEngineSCallsAsTheSimulatorDoes() {
        List<String> inMemory = new Script(new InMemoryLearningbank("Acme")).run();
        List<String> simulated;
        try (LearningbankSimulator sim = LearningbankSimulator.start(LearningbankSimulator.Config.defaults())) {
            LearningbankSimulator.Config c = LearningbankSimulator.Config.defaults();
            simulated = new Script(new LearningbankClient(PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), io.ziiklb.http.AllowedPeers.loopback()),
                    new LbCredentials(sim.baseUrl(), c.username(), c.password(), c.token()), Clock.systemUTC())).run();
        }
        assertThat(inMemory).as("the script's own sanity: it refuses something").anyMatch(line -> line.contains("409"));
        assertThat(inMemory).containsExactlyElementsOf(simulated);
    }

    /** One sequence of calls, each answer written down without ids. */
    private static final class Script {
        private final LearningbankApi lb;
        private final List<String> answers = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();

        Script(LearningbankApi lb) {
            this.lb = lb;
        }

        List<String> run() {
            LbDepartment topDepartment = lb.departmentsPage(1, LearningbankApi.MAX_PAGE).data().stream()
                    .filter(LbDepartment::top).findFirst().orElseThrow();
            String top = topDepartment.id();
            names.put(top, "(top)");
            String kitchen = department("create Kitchen", () -> lb.createDepartment("Kitchen", top));
            department("create KITCHEN", () -> lb.createDepartment("KITCHEN", top));
            department("create without a name", () -> lb.createDepartment(" ", top));
            String bar = department("create Bar under Kitchen", () -> lb.createDepartment("Bar", kitchen));
            department("rename Bar to kitchen", () -> lb.updateDepartment(bar, "kitchen", null));
            department("move Kitchen under Bar", () -> lb.updateDepartment(kitchen, null, bar));
            department("rename the top", () -> lb.updateDepartment(top, "Other", null));
            department("rename Bar to Bar", () -> lb.updateDepartment(bar, "Bar", null));
            call("delete Kitchen, which has Bar", () -> lb.deleteDepartment(kitchen));
            call("delete the top", () -> lb.deleteDepartment(top));
            answer("department named bar", () -> lb.departmentByName("bar").map(d -> d.name()).orElse("none"));
            answer("department named nobody", () -> lb.departmentByName("nobody").map(d -> d.name()).orElse("none"));

            String chef = type("create Chef", () -> lb.createPermissionType("Chef"));
            type("create chef", () -> lb.createPermissionType("chef"));
            String manager = lb.permissionTypeByName("manager").orElseThrow().id();
            names.put(manager, "Manager");
            type("rename Manager", () -> lb.renamePermissionType(manager, "Boss"));
            call("delete Manager", () -> lb.deletePermissionType(manager));
            type("rename Chef to USER", () -> lb.renamePermissionType(chef, "USER"));
            answer("types", () -> lb.permissionTypesPage(1, LearningbankApi.MAX_PAGE).data().stream()
                    .map(t -> t.name() + (t.isDefault() ? " default" : "") + (t.system() ? " system" : "")).toList());
            lb.permissionTypesPage(1, LearningbankApi.MAX_PAGE).data().forEach(t -> names.put(t.id(), t.name()));

            String ann = user("create Ann in Bar as Chef", () -> lb.createUser(new LbUserChange("ziik:1", "ann@example.com", "Ann",
                    "Berg", null, "da", List.of(bar), List.of(chef), null)));
            user("create another ANN@example.com", () -> lb.createUser(change("ziik:2", "ANN@example.com", List.of(top))));
            user("create another ziik:1", () -> lb.createUser(change("ziik:1", "other@example.com", List.of(top))));
            user("create without departments", () -> lb.createUser(change("ziik:3", "cid@example.com", List.of())));
            user("create in a department that is not there", () -> lb.createUser(change("ziik:3", "cid@example.com", List.of("d-404"))));
            user("create speaking xx", () -> lb.createUser(change("ziik:3", "cid@example.com", List.of(top)).withLanguage("xx")));
            String bob = user("create Bob with the defaults", () -> lb.createUser(change(null, "bob@example.com", List.of(top, top))));
            user("Bob takes Ann's email", () -> lb.updateUser(bob, LbUserChange.none().withEmail("Ann@Example.com")));
            user("Bob deactivated", () -> lb.updateUser(bob, LbUserChange.none().withActive(false)));
            call("delete Bar, where Ann is", () -> lb.deleteDepartment(bar));
            user("Ann moved to Kitchen", () -> lb.updateUser(ann, LbUserChange.none().withDepartmentIds(List.of(kitchen))));
            call("delete Bar, now empty", () -> lb.deleteDepartment(bar));
            call("delete Chef", () -> lb.deletePermissionType(chef));
            user("Ann, read", () -> lb.user(ann));
            answer("by email ANN@EXAMPLE.COM", () -> lb.userByEmail("ANN@EXAMPLE.COM").map(u -> u.firstName()).orElse("none"));
            answer("by external id ziik:1", () -> lb.userByExternalId("ziik:1").map(u -> u.firstName()).orElse("none"));
            answer("in Kitchen", () -> lb.usersPage(new LbUserFilter(null, null, kitchen, null), 1, LearningbankApi.MAX_PAGE)
                    .data().stream().map(LbUser::firstName).toList());
            answer("inactive", () -> lb.usersPage(new LbUserFilter(null, null, null, false), 1, LearningbankApi.MAX_PAGE)
                    .data().stream().map(LbUser::firstName).toList());
            answer("departments, two a page", () -> {
                LbPage<LbDepartment> first = lb.departmentsPage(1, 2);
                return first.data().size() + " of " + first.total() + ", last page " + first.lastPage();
            });
            user("read a user that is not there", () -> lb.user("u-404"));
            department("rename a department that is not there", () -> lb.updateDepartment("d-404", "X", null));
            call("delete a department that is not there", () -> lb.deleteDepartment("d-404"));
            call("delete a type that is not there", () -> lb.deletePermissionType("pt-404"));
            return answers;
        }

        private static LbUserChange change(String externalId, String email, List<String> departments) {
            return new LbUserChange(externalId, email, "First", "Last", null, null, departments, null, null);
        }

        private String department(String what, Supplier<LbDepartment> call) {
            LbDepartment d = attempt(what, call, x -> x.name() + " under " + names.get(x.parentId()) + (x.top() ? " (top)" : ""));
            return named(d == null ? null : d.id(), d == null ? null : d.name());
        }

        private String type(String what, Supplier<LbPermissionType> call) {
            LbPermissionType t = attempt(what, call, x -> x.name() + " default " + x.isDefault() + " system " + x.system());
            return named(t == null ? null : t.id(), t == null ? null : t.name());
        }

        private String user(String what, Supplier<LbUser> call) {
            LbUser u = attempt(what, call, x -> String.join(" ", String.valueOf(x.externalId()), x.email(), x.firstName(),
                    x.lastName(), "active " + x.active(), x.language(), String.valueOf(x.departmentIds().stream().map(names::get).toList()),
                    String.valueOf(x.permissionTypeIds().stream().map(names::get).toList())));
            return named(u == null ? null : u.id(), u == null ? null : u.email());
        }

        private void call(String what, Runnable call) {
            attempt(what, () -> {
                call.run();
                return "";
            }, x -> "done");
        }

        private void answer(String what, Supplier<Object> call) {
            attempt(what, call, String::valueOf);
        }

        private <T> T attempt(String what, Supplier<T> call, java.util.function.Function<T, String> show) {
            try {
                T result = call.get();
                answers.add(what + ": " + show.apply(result));
                return result;
            } catch (LearningbankException e) {
                answers.add(what + ": refused " + e.status() + " " + e.code());
                return null;
            }
        }

        private String named(String id, String name) {
            if (id != null) {
                names.put(id, name);
            }
            return id;
        }
    }
}
