package io.ziiklb.sync;

import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans rules P1-P8: every Ziik user has one linked Learningbank user with the right fields. Users
 * may be planned one at a time as they are read ({@link #planPerson}), then the rest at the end
 * ({@link #finish}); a user taking an email another linked user has is planned at the end, so that
 * the other's step giving it up is known first.
 */
final class UserPlanner {
    private final Map<Long, String> links;
    private final SyncSettings settings;
    private final Departments departments;
    private final PermissionTypes types;
    private final PlanBuilder plan;

    private final Map<String, LbUser> usersById = new HashMap<>();
    private final Map<String, LbUser> usersByExternalId = new HashMap<>();
    private final Map<String, LbUser> usersByEmail = new HashMap<>();
    private final Map<String, Long> linkedZiikIdByUser = new HashMap<>();
    private final Map<String, String> jobProfileByName = new HashMap<>();

    private final List<Integer> deactivations = new ArrayList<>();
    private final EmailHandovers emails = new EmailHandovers();
    private final List<ZiikPerson> later = new ArrayList<>();

    UserPlanner(LbSnapshot lb, Map<Long, String> links, SyncSettings settings, PlannedParts planned, PlanBuilder plan) {
        this.links = links;
        this.settings = settings;
        this.departments = planned.departments();
        this.types = planned.types();
        this.plan = plan;
        for (LbUser user : lb.users()) {
            usersById.put(user.id(), user);
            if (user.externalId() != null) {
                usersByExternalId.put(user.externalId(), user);
            }
            if (user.email() != null) {
                usersByEmail.put(EmailHandovers.key(user.email()), user);
            }
        }
        links.forEach((ziikId, userId) -> linkedZiikIdByUser.put(userId, ziikId));
        for (LbJobProfile profile : lb.jobProfiles()) {
            jobProfileByName.putIfAbsent(profile.name(), profile.id());
        }
    }

    static String externalId(long ziikUserId) {
        return "ziik:" + ziikUserId;
    }

    /** Plans one user now, or at {@link #finish} when it takes an email another linked user has. */
    void planPerson(ZiikPerson person) {
        if (takesAnotherUsersEmail(person.user())) {
            later.add(person);
        } else {
            planNow(person);
        }
    }

    /**
     * Plans the users put off, and the linked ones in {@code gone} (deleted or anonymised in Ziik);
     * orders the emails passed between users. Returns every deactivation step of the plan (which
     * the deletion guard may hold).
     */
    List<Integer> finish(Set<Long> gone) {
        later.stream().sorted(Comparator.comparingLong(ZiikPerson::id)).forEach(this::planNow);
        later.clear();
        gone.stream().sorted().filter(links::containsKey).forEach(id -> planGone(id, links.get(id)));
        emails.order(plan);
        return deactivations;
    }

    /** Whether the user's email is held by the Learningbank user of another Ziik user, who may give it up in this plan. */
    private boolean takesAnotherUsersEmail(ZiikUser user) {
        LbUser holder = user.email() == null ? null : usersByEmail.get(EmailHandovers.key(user.email()));
        if (holder == null || holder.id().equals(links.get(user.id()))) {
            return false;
        }
        Long holdersZiikUser = linkedZiikIdByUser.get(holder.id());
        return holdersZiikUser != null && holdersZiikUser != user.id();
    }

    private void planNow(ZiikPerson person) {
        ZiikUser user = person.user();
        String linkedId = links.get(user.id());
        LbUser current = linkedId == null ? null : usersById.get(linkedId);
        Integer forget = null;
        if (linkedId != null && current == null) {
            forget = plan.add(new Operation.ForgetLink(ObjectKind.USER, user.id(), linkedId));
        }
        int first = plan.size();
        boolean firstContact = current == null;
        if (firstContact) {
            current = match(user).orElse(null);
        }
        if (settings.excluded(user.email()) || (current != null && settings.excluded(current.email()))) {
            return; // rule P8: never created, changed or deactivated
        }
        Optional<String> language = language(user);
        if (current == null) {
            planCreate(person, language);
        } else {
            planUpdate(person, current, firstContact, language);
        }
        // the user's new link is written after the gone one is forgotten: run at the same time, the
        // forget could remove the link the create had just written
        for (int step = first; step < plan.size(); step++) {
            plan.after(step, forget);
        }
    }

    /** Rule P2: an unlinked Ziik user is matched by external id, else by email, to a user nobody links. */
    private Optional<LbUser> match(ZiikUser user) {
        LbUser byExternalId = usersByExternalId.get(externalId(user.id()));
        if (byExternalId != null && !linkedToOther(byExternalId, user.id())) {
            return Optional.of(byExternalId);
        }
        LbUser byEmail = user.email() == null ? null : usersByEmail.get(EmailHandovers.key(user.email()));
        return byEmail != null && !linkedToOther(byEmail, user.id()) ? Optional.of(byEmail) : Optional.empty();
    }

    private boolean linkedToOther(LbUser user, long ziikUserId) {
        Long linked = linkedZiikIdByUser.get(user.id());
        return linked != null && linked != ziikUserId;
    }

    private void planCreate(ZiikPerson person, Optional<String> language) {
        ZiikUser user = person.user();
        if (user.email() == null) {
            plan.problem(ObjectKind.USER, user.id(), ProblemCode.MISSING_EMAIL.wireName(),
                    "the Ziik user has no email, which Learningbank requires; not created");
            return;
        }
        List<Long> units = unitRefs(person);
        List<Long> roles = roleRefs(person);
        UserTarget target = new UserTarget(externalId(user.id()), user.email(), user.firstName(), user.lastName(),
                user.active(), language.orElse(null), new Refs(List.of(), units),
                roles.isEmpty() ? null : new Refs(List.of(), roles), jobProfile(person).orElse(null));
        int step = plan.add(new Operation.CreateUser(user.id(), target));
        waitForReferences(step, units, roles);
        emails.claim(step, user.email());
    }

    private void planUpdate(ZiikPerson person, LbUser current, boolean link, Optional<String> language) {
        ZiikUser user = person.user();
        String externalId = externalId(user.id()).equals(current.externalId()) ? null : externalId(user.id());
        String email = user.email() == null || user.email().equalsIgnoreCase(current.email()) ? null : user.email();
        boolean renamed = !user.firstName().equals(current.firstName()) || !user.lastName().equals(current.lastName());
        List<Long> units = unitRefs(person);
        List<Long> roles = roleRefs(person);
        Optional<String> jobProfile = jobProfile(person);
        UserTarget target = new UserTarget(externalId, email,
                renamed ? user.firstName() : null, renamed ? user.lastName() : null,
                user.active() && !current.active() ? Boolean.TRUE : null,
                language.filter(l -> !l.equals(current.language())).orElse(null),
                departmentsChange(current, units).orElse(null),
                permissionTypesChange(current, roles).orElse(null),
                jobProfile.filter(p -> !p.equals(current.jobProfileId())).orElse(null));
        if (link || !target.isEmpty()) {
            int step = plan.add(new Operation.UpdateUser(user.id(), current.id(), link, target));
            waitForReferences(step, target.departments() == null ? List.of() : units,
                    target.permissionTypes() == null ? List.of() : roles);
            if (target.departments() != null) {
                moveOutBeforeDelete(current, step);
            }
            if (email != null) {
                emails.claim(step, email);
                if (current.email() != null) {
                    emails.release(current.email(), step);
                }
            }
        }
        if (!user.active() && current.active()) {
            deactivations.add(plan.add(new Operation.DeactivateUser(user.id(), current.id())));
        }
    }

    /**
     * Rule P6 for a linked user Ziik no longer has: deactivated, link kept. It is also moved out of
     * departments this plan deletes (to the top department if nothing else is left), so that it
     * does not block their deletion.
     */
    private void planGone(long ziikUserId, String userId) {
        LbUser current = usersById.get(userId);
        if (current == null) {
            plan.add(new Operation.ForgetLink(ObjectKind.USER, ziikUserId, userId));
            return;
        }
        if (settings.excluded(current.email())) {
            return;
        }
        List<String> remaining = current.departmentIds().stream()
                .filter(d -> !departments.deleteSteps().containsKey(d)).toList();
        if (remaining.size() < current.departmentIds().size()) {
            Refs refs = remaining.isEmpty() ? new Refs(List.of(), List.of(departments.tree().top().id()))
                    : new Refs(remaining, List.of());
            int step = plan.add(new Operation.UpdateUser(ziikUserId, userId, false,
                    UserTarget.empty().withDepartments(refs)));
            moveOutBeforeDelete(current, step);
        }
        if (current.active()) {
            deactivations.add(plan.add(new Operation.DeactivateUser(ziikUserId, userId)));
        }
    }

    /** Rule P3: the departments of every membership's unit, in Ziik's order, without repeats; else the top. */
    private List<Long> unitRefs(ZiikPerson person) {
        Set<Long> units = new LinkedHashSet<>();
        for (ZiikMembership membership : person.memberships()) {
            units.add(departments.effectiveUnit(membership.unitId()));
        }
        if (units.isEmpty()) {
            units.add(departments.tree().top().id());
        }
        return List.copyOf(units);
    }

    /** Rule P4: the roles of the first membership that have (or get) a permission type. */
    private List<Long> roleRefs(ZiikPerson person) {
        if (person.memberships().isEmpty()) {
            return List.of();
        }
        Set<Long> roles = new LinkedHashSet<>();
        for (ZiikRole role : person.memberships().getFirst().roles()) {
            if (types.known().containsKey(role.id()) || types.steps().containsKey(role.id())) {
                roles.add(role.id());
            }
        }
        return List.copyOf(roles);
    }

    /** Rule P5: the first role of the first membership named exactly like a job profile. */
    private Optional<String> jobProfile(ZiikPerson person) {
        if (!settings.syncJobProfiles() || person.memberships().isEmpty()) {
            return Optional.empty();
        }
        return person.memberships().getFirst().roles().stream()
                .map(role -> jobProfileByName.get(role.name()))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Rule P7, with a warning for a language Learningbank lacks. */
    private Optional<String> language(ZiikUser user) {
        Optional<String> language = Languages.toLearningbank(user.language());
        if (language.isEmpty() && user.language() != null) {
            plan.problem(ObjectKind.USER, user.id(), ProblemCode.LANGUAGE_UNSUPPORTED.wireName(), "Learningbank has no language \""
                    + user.language() + "\"; the platform's default language applies");
        }
        return language;
    }

    /**
     * Rule P3 keeps Ziik's order, and Learningbank keeps {@code department_ids} in the order sent: the
     * managed departments are compared as a list, so a change of order alone is written too.
     */
    private Optional<Refs> departmentsChange(LbUser current, List<Long> units) {
        List<String> keep = current.departmentIds().stream().filter(d -> !departments.managed().contains(d)).toList();
        List<String> wanted = new ArrayList<>();
        for (long unit : units) {
            if (departments.createSteps().containsKey(unit)) {
                return Optional.of(new Refs(keep, units));
            }
            wanted.add(departments.kept().get(unit));
        }
        List<String> managedNow = current.departmentIds().stream().filter(d -> departments.managed().contains(d)).toList();
        return wanted.equals(managedNow) ? Optional.empty() : Optional.of(new Refs(keep, units));
    }

    private Optional<Refs> permissionTypesChange(LbUser current, List<Long> roles) {
        List<String> keep = current.permissionTypeIds().stream().filter(t -> !types.managed().contains(t)).toList();
        Set<String> wanted = new HashSet<>(keep);
        for (long role : roles) {
            String known = types.known().get(role);
            if (known == null) {
                return Optional.of(new Refs(keep, roles));
            }
            wanted.add(known);
        }
        Set<String> has = new HashSet<>(current.permissionTypeIds());
        has.removeAll(types.deleting()); // Learningbank takes deleted types off users by itself
        return wanted.equals(has) ? Optional.empty() : Optional.of(new Refs(keep, roles));
    }

    private void waitForReferences(int step, List<Long> units, List<Long> roles) {
        units.forEach(unit -> plan.after(step, departments.createSteps().get(unit)));
        roles.forEach(role -> plan.after(step, types.steps().get(role)));
    }

    /** A department is deleted only after the users in it have been moved out (rule O1). */
    private void moveOutBeforeDelete(LbUser current, int step) {
        for (String department : current.departmentIds()) {
            Integer delete = departments.deleteSteps().get(department);
            if (delete != null) {
                plan.after(delete, step);
            }
        }
    }
}
