package io.ziiklb.sync;

import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.learningbank.LearningbankNotFoundException;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikNotFoundException;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import io.ziiklb.ziik.ZiikUser;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Brings one Learningbank user in line with its Ziik user (rules P1-P8), between full
 * synchronisations: a handful of calls instead of reading everything. Reads the truth (a hint is
 * only a hint), plans with {@link Planner#user} and applies with the same executor as a full sync.
 */
public final class UserReconciler {
    /**
     * @param needsFullSync the user belongs to a unit, or holds a role, that is not linked yet: it
     *                      was placed as well as the links allow, and only a full synchronisation
     *                      (which creates the department or type) completes it
     * @param neverSynchronised the integration has had no full synchronisation yet: nothing was done
     */
    public record Result(Plan plan, ExecutionReport report, boolean needsFullSync, boolean neverSynchronised) {
    }

    private final ZiikClient ziik;
    private final LearningbankClient learningbank;
    private final LinkStore links;
    private final ExecutionPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Retrier retrier;

    public UserReconciler(ZiikClient ziik, LearningbankClient learningbank, LinkStore links, ExecutionPolicy policy,
                          Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.ziik = ziik;
        this.learningbank = learningbank;
        this.links = links;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.retrier = new Retrier(policy, sleeper, random);
    }

    /** @param tree Ziik's unit tree, possibly a little stale (links come first when placing the user) */
    public Result reconcile(long ziikUserId, UnitTree tree, SyncSettings settings, PlanExecutor.StepListener listener)
            throws InterruptedException {
        Links unitsAndRoles = links.unitsAndRoles();
        String topDepartment = unitsAndRoles.units().get(tree.top().id());
        if (topDepartment == null) {
            return new Result(null, null, false, true);
        }
        Optional<ZiikPerson> person = readPerson(ziikUserId);
        Map<String, LbUser> candidates = new LinkedHashMap<>();
        Map<Long, String> userLinks = new HashMap<>();
        Optional<String> linked = links.user(ziikUserId);
        if (linked.isPresent()) {
            userLinks.put(ziikUserId, linked.get());
            readUser(linked.get()).ifPresent(u -> candidates.put(u.id(), u));
        }
        if (person.isPresent() && candidates.isEmpty()) { // first contact (rule P2), or the linked user is gone
            retrier.read(() -> learningbank.userByExternalId(UserPlanner.externalId(ziikUserId))).ifPresent(u -> candidates.put(u.id(), u));
            String email = person.get().user().email();
            if (email != null) {
                retrier.read(() -> learningbank.userByEmail(email)).ifPresent(u -> candidates.put(u.id(), u));
            }
            for (LbUser candidate : candidates.values()) {
                links.userLinkedTo(candidate.id()).ifPresent(other -> userLinks.put(other, candidate.id()));
            }
        }
        LbSnapshot learningbankPart = new LbSnapshot(List.of(), List.of(), retrier.read(learningbank::allJobProfiles),
                List.copyOf(candidates.values()));
        Plan plan = Planner.user(ziikUserId, person, learningbankPart,
                new Links(unitsAndRoles.units(), unitsAndRoles.roles(), userLinks), tree, settings);
        ExecutionReport report = new PlanExecutor(learningbank, links, tree, topDepartment, policy, clock, sleeper, random)
                .run(plan, listener);
        return new Result(plan, report, person.map(p -> notLinkedYet(p, tree, unitsAndRoles)).orElse(false), false);
    }

    private Optional<ZiikPerson> readPerson(long id) throws InterruptedException {
        try {
            Optional<ZiikUser> user = retrier.read(() -> ziik.user(id));
            return user.isEmpty() ? Optional.empty() : Optional.of(new ZiikPerson(user.get(), retrier.read(() -> ziik.memberships(id))));
        } catch (ZiikNotFoundException goneMeanwhile) {
            return Optional.empty();
        }
    }

    private Optional<LbUser> readUser(String id) throws InterruptedException {
        try {
            return Optional.of(retrier.read(() -> learningbank.user(id)));
        } catch (LearningbankNotFoundException deletedInLearningbank) {
            return Optional.empty();
        }
    }

    private static boolean notLinkedYet(ZiikPerson person, UnitTree tree, Links unitsAndRoles) {
        for (ZiikMembership membership : person.memberships()) {
            boolean linked = unitsAndRoles.units().containsKey(membership.unitId());
            boolean mirrored = tree.unit(membership.unitId()).map(ZiikUnit::mirrored).orElse(true);
            if (!linked && mirrored) {
                return true;
            }
        }
        return !person.memberships().isEmpty() && person.memberships().getFirst().roles().stream()
                .map(ZiikRole::id).anyMatch(role -> !unitsAndRoles.roles().containsKey(role));
    }
}
