package io.ziiklb.demo;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikUnit;
import io.ziiklb.ziik.ZiikUserSummary;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes the simulated Ziik through its control API, as a Ziik admin would, and times each change
 * until Learningbank shows it. Everything travels the real way: Ziik's webhook delivery, the
 * service's queue, the reconcile, Learningbank's API.
 */
final class LiveChanges {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String ziikOrigin;
    private final ZiikClient ziik;
    private final LearningbankClient learningbank;
    private final PrintStream out;

    LiveChanges(String ziikOrigin, ZiikClient ziik, LearningbankClient learningbank, PrintStream out) {
        this.ziikOrigin = ziikOrigin;
        this.ziik = ziik;
        this.learningbank = learningbank;
        this.out = out;
    }

    void run() throws Exception {
        // Ziik does not document whether membership changes fire a webhook; the simulator can, for the demo
        control("PUT", "/_sim/deliveries", Map.of("membershipChangesFireUserUpdate", true));
        List<ZiikUnit> units = ziik.units();
        Map<Long, ZiikUnit> byId = new java.util.HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        long top = units.stream().filter(ZiikUnit::isTop).findFirst().orElseThrow().id();
        ZiikUnit region = units.stream().filter(u -> u.mirrored() && orZero(u.parentId()) == top).findFirst().orElseThrow();
        // a unit two levels down or deeper moves up, under its grandparent
        ZiikUnit mover = units.stream().filter(u -> u.mirrored() && u.parentId() != null && orZero(u.parentId()) != top
                && byId.containsKey(u.parentId()) && byId.get(u.parentId()).parentId() != null).findFirst().orElseThrow();
        ZiikUnit otherRegion = byId.get(byId.get(mover.parentId()).parentId());
        ZiikUserSummary someone = ziik.activeUsers().get(1);
        String external = "ziik:" + someone.id();

        out.println("Live changes in Ziik, each timed until Learningbank shows it:");
        String renamed = region.name() + " Nord";
        change("rename unit " + region.name() + " to " + renamed,
                () -> control("PATCH", "/_sim/units/" + region.id(), Map.of("name", renamed)),
                () -> learningbank.departmentByName(renamed + " (" + region.id() + ")").isPresent());
        change("move unit " + mover.name() + " under " + otherRegion.name(),
                () -> control("PATCH", "/_sim/units/" + mover.id(), Map.of("parentId", otherRegion.id())),
                () -> department(mover).map(LbDepartment::parentId).equals(department(otherRegion).map(LbDepartment::id)));
        int[] role = new int[1];
        change("add role Wine Steward and give it to " + someone.firstName() + " " + someone.lastName(), () -> {
            role[0] = control("POST", "/_sim/roles", Map.of("name", "Wine Steward")).path("id").asInt();
            control("PUT", "/_sim/users/" + someone.id() + "/memberships/0",
                    Map.of("unitId", ziik.memberships(someone.id()).getFirst().unitId(), "roleIds", List.of(role[0])));
        }, () -> learningbank.permissionTypeByName("Wine Steward")
                .map(t -> user(external).map(u -> u.permissionTypeIds().contains(t.id())).orElse(false)).orElse(false));
        String email = "changed." + someone.id() + "@example.com";
        change("change " + someone.firstName() + "'s email to " + email,
                () -> control("PATCH", "/_sim/users/" + someone.id(), Map.of("email", email)),
                () -> user(external).map(u -> email.equals(u.email())).orElse(false));
        change("deactivate " + someone.firstName() + " " + someone.lastName(),
                () -> control("POST", "/_sim/users/" + someone.id() + "/deactivate", Map.of()),
                () -> user(external).map(u -> !u.active()).orElse(false));
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void change(String what, Action action, Supplier<Boolean> arrived) throws Exception {
        long started = System.nanoTime();
        action.run();
        long deadline = started + 60_000_000_000L;
        while (!arrived.get()) {
            if (System.nanoTime() > deadline) {
                out.printf("  %-70s did not arrive within 60 s%n", what);
                return;
            }
            Thread.sleep(5);
        }
        out.printf("  %-70s in Learningbank after %,d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }

    /** The unit's department: "name (id)" with unique units on; the top unit's is the top department (rule U1). */
    private Optional<LbDepartment> department(ZiikUnit unit) {
        return learningbank.allDepartments().stream()
                .filter(d -> unit.isTop() ? d.top() : d.name().endsWith("(" + unit.id() + ")")).findFirst();
    }

    private Optional<LbUser> user(String externalId) {
        return learningbank.userByExternalId(externalId);
    }

    private tools.jackson.databind.JsonNode control(String method, String path, Object body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ziikOrigin + path))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }
}
