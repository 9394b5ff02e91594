package io.ziiklb.sync;

import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.learningbank.LearningbankNotFoundException;
import io.ziiklb.ziik.ZiikReads;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings one Learningbank user in line with its Ziik user (rules P1-P8), between full
 * synchronisations: a handful of calls instead of reading everything. Reads the truth (a hint is
 * only a hint), plans with {@link Planner#user} and applies with the same executor as a full sync.
 */
public final class UserReconciler {
    /** What a user may refer to that is not linked yet: a unit (no department yet) or a role (no type yet). */
    public enum Missing { UNITS, ROLES }

    /**
     * @param plan              what was applied; null when nothing was
     * @param missing           the user belongs to a unit, or holds a role, that is not linked yet
     * @param neverSynchronised the integration has had no full synchronisation yet: nothing was done
     * @param person            the user as Ziik has it, which the plan was made from; null when Ziik
     *                          says it is gone (or does not exist), or when nothing was read
     */
    public record Result(Plan plan, ExecutionReport report, Set<Missing> missing, boolean neverSynchronised,
                         ZiikPerson person) {
        public Result {
            missing = Set.copyOf(missing);
        }

        /** Nothing was applied: the caller links what is missing, then reconciles again. */
        public boolean waiting() {
            return plan == null && !neverSynchronised;
        }
    }

    /** Where the reconcile gets Learningbank's job profiles (rule P5). */
    @FunctionalInterface
    public interface JobProfiles {
        List<LbJobProfile> read() throws InterruptedException;
    }

    private final SyncContext context;
    private final ZiikReads ziik;
    private final LearningbankApi learningbank;
    private final LinkStore links;
    private final Retrier retrier;
    private final SnapshotReader reader;
    private final JobProfiles jobProfiles;

    /** Reads the job profiles at each reconcile. */
    public UserReconciler(SyncContext context) {
        this(context, null);
    }

    /** @param jobProfiles the job profiles, perhaps kept a while by the caller; null: read at each reconcile */
    public UserReconciler(SyncContext context, JobProfiles jobProfiles) {
        this.context = context;
        this.ziik = context.ziik();
        this.learningbank = context.learningbank();
        this.links = context.links();
        this.retrier = context.retrier();
        this.reader = context.reader(1, Pace.FULL_SPEED);
        this.jobProfiles = jobProfiles != null ? jobProfiles : () -> retrier.read(learningbank::allJobProfiles);
    }

    /**
     * {@link #reconcile(long, UnitTree, Set, SyncSettings, boolean, PlanExecutor.StepListener)},
     * knowing of no name conflicts.
     */
    public Result reconcile(long ziikUserId, UnitTree tree, SyncSettings settings, boolean waitIfMissing,
                            PlanExecutor.StepListener listener) throws InterruptedException {
        return reconcile(ziikUserId, tree, Set.of(), settings, waitIfMissing, listener);
    }

    /**
     * @param tree          Ziik's unit tree, possibly a little stale (links come first when placing the user)
     * @param conflicted    units that a tree reconcile found in a name conflict (rule U6): they stay
     *                      unlinked, so the user is not kept waiting for them
     * @param waitIfMissing when the user refers to a unit or role not linked yet, apply nothing and
     *                      say so ({@link Result#waiting()}); else place the user as well as the links
     *                      allow (a unit without department counts as its nearest linked ancestor)
     */
    public Result reconcile(long ziikUserId, UnitTree tree, Set<Long> conflicted, SyncSettings settings,
                            boolean waitIfMissing, PlanExecutor.StepListener listener) throws InterruptedException {
        Links unitsAndRoles = links.unitsAndRoles();
        String topDepartment = unitsAndRoles.units().get(tree.top().id());
        if (topDepartment == null) {
            return new Result(null, null, Set.of(), true, null);
        }
        Optional<ZiikPerson> person = reader.readPerson(ziik, ziikUserId);
        Set<Missing> missing = person.map(p -> missing(p, tree, conflicted, unitsAndRoles)).orElse(Set.of());
        if (waitIfMissing && !missing.isEmpty()) {
            return new Result(null, null, missing, false, person.orElse(null));
        }
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
        LbSnapshot learningbankPart = new LbSnapshot(List.of(), List.of(),
                settings.syncJobProfiles() ? jobProfiles.read() : List.of(),
                List.copyOf(candidates.values()));
        Plan plan = Planner.user(ziikUserId, person, learningbankPart,
                new Links(unitsAndRoles.units(), unitsAndRoles.roles(), userLinks), tree, settings);
        ExecutionReport report = context.executor(tree, topDepartment).run(plan, listener);
        return new Result(plan, report, missing, false, person.orElse(null));
    }

    private Optional<LbUser> readUser(String id) throws InterruptedException {
        try {
            return Optional.of(retrier.read(() -> learningbank.user(id)));
        } catch (LearningbankNotFoundException deletedInLearningbank) {
            return Optional.empty();
        }
    }

    private static Set<Missing> missing(ZiikPerson person, UnitTree tree, Set<Long> conflicted, Links unitsAndRoles) {
        Set<Missing> missing = EnumSet.noneOf(Missing.class);
        for (ZiikMembership membership : person.memberships()) {
            boolean linked = unitsAndRoles.units().containsKey(membership.unitId());
            boolean mirrored = tree.unit(membership.unitId()).map(ZiikUnit::mirrored).orElse(true);
            if (!linked && mirrored && !conflicted.contains(membership.unitId())) {
                missing.add(Missing.UNITS);
            }
        }
        if (!person.memberships().isEmpty() && person.memberships().getFirst().roles().stream()
                .map(ZiikRole::id).anyMatch(role -> !unitsAndRoles.roles().containsKey(role))) {
            missing.add(Missing.ROLES);
        }
        return missing;
    }
}
