package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.learningbank.WriteJournal;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SyncHarness} with what the rule tests ask of it: Ziik users with several memberships,
 * the Learningbank user linked to a Ziik user, and writes judged by what Learningbank received
 * (its request log and its write journal), never by the planner's own count.
 */
final class RuleFixture implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    final SyncHarness h;
    final ZiikOrganisation org;
    final LearningbankState lb;
    FullSync.Result last;

    RuleFixture(long seed) {
        h = new SyncHarness(seed);
        org = h.ziik.organisation();
        lb = h.learningbank.state();
    }

    /** A Ziik user with these memberships, in this order (the first one first), speaking Danish. */
    int user(String name, String email, Membership first, Membership... more) {
        int id = org.createUser(NewUser.of(name, "Last", email, first).withLanguage("da"));
        for (Membership m : more) {
            org.addMembership(id, m);
        }
        return id;
    }

    int user(String name, String email) {
        return user(name, email, Membership.of(org.topUnitId()));
    }

    /** The Learningbank user linked to this Ziik user (by external id). */
    User lbUser(int ziikId) {
        return lb.findUserByExternalId("ziik:" + ziikId).orElseThrow(() -> new AssertionError("no user ziik:" + ziikId));
    }

    String departmentId(String name) {
        return lb.findDepartmentByName(name).orElseThrow(() -> new AssertionError("no department " + name)).id();
    }

    String typeId(String name) {
        return lb.findPermissionTypeByName(name).orElseThrow(() -> new AssertionError("no permission type " + name)).id();
    }

    /** Forgets what Learningbank has received so far: the request log and the write journal. */
    void forgetWrites() {
        h.learningbank.requestLog().reset();
        h.learningbank.journal().reset();
    }

    /** A full synchronisation, starting a fresh count of the writes Learningbank receives. */
    FullSync.Result sync() {
        forgetWrites();
        last = h.sync();
        return last;
    }

    /** Writes Learningbank received since the last {@link #forgetWrites()}, by its own request log. */
    long writes() {
        return h.learningbank.requestLog().writes();
    }

    /** Settled: one more full synchronisation makes Learningbank receive no write at all. */
    void assertSettled() {
        sync();
        assertThat(writes()).as("settled: Learningbank receives no write; journal %s", journal()).isZero();
    }

    List<WriteJournal.Call> journal() {
        return h.learningbank.journal().calls();
    }

    /** The bodies of one method on one route template, as Learningbank received them, oldest first. */
    List<JsonNode> bodies(String method, String route) {
        return h.learningbank.journal().calls(method, route).stream().map(c -> json(c.body())).toList();
    }

    /** The one {@code POST /users} body for this email. */
    JsonNode createBody(String email) {
        List<JsonNode> found = bodies("POST", "/api/v1/users").stream()
                .filter(b -> b.path("email").asString().equals(email)).toList();
        assertThat(found).as("POST /users for %s", email).hasSize(1);
        return found.getFirst();
    }

    /** Position in the journal of the first call matching, -1 if none. */
    int indexOf(java.util.function.Predicate<WriteJournal.Call> call) {
        List<WriteJournal.Call> calls = journal();
        for (int i = 0; i < calls.size(); i++) {
            if (call.test(calls.get(i))) {
                return i;
            }
        }
        return -1;
    }

    List<Problem> problems() {
        List<Problem> all = new ArrayList<>(last.plan().problems());
        all.addAll(last.report().problems());
        return all;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Override
    public void close() {
        h.close();
    }
}
