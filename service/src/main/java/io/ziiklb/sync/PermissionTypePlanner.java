package io.ziiklb.sync;

import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.ziik.ZiikRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plans rules R1-R3: every role has one permission type of the same name. */
final class PermissionTypePlanner {
    private final List<ZiikRole> roles;
    private final Map<String, LbPermissionType> types;
    private final Map<Long, Links.RoleLink> links;
    private final PlanBuilder plan;

    private final Map<Long, String> known = new HashMap<>();
    private final Map<Long, Integer> steps = new HashMap<>();
    private final Map<Long, Integer> deleteSteps = new HashMap<>();
    private final Set<Long> deletedRoles = new HashSet<>();
    private final Set<String> managed = new HashSet<>();
    private final Set<String> deleting = new HashSet<>();
    private final Map<Long, Integer> letGoSteps = new HashMap<>();
    /** Types this plan only unlinks (adopted or let go): they stay in Learningbank under their names → step. */
    private final Map<String, Integer> unlinkSteps = new HashMap<>();

    PermissionTypePlanner(List<ZiikRole> roles, List<LbPermissionType> types, Map<Long, Links.RoleLink> links,
                          PlanBuilder plan) {
        this.roles = roles.stream().sorted(Comparator.comparingLong(ZiikRole::id)).toList();
        this.types = types.stream().collect(Collectors.toMap(LbPermissionType::id, Function.identity()));
        this.links = links;
        this.plan = plan;
    }

    PermissionTypes plan() {
        sortLinks();
        NameClaims.Outcome names = claimNames();
        Map<Long, Integer> renameSteps = new HashMap<>();
        for (ZiikRole role : roles) {
            String name = names.names().get(role.id());
            if (name == null) {
                continue; // a new role that lost its name
            }
            String linked = known.get(role.id());
            if (linked != null) {
                LbPermissionType type = types.get(linked);
                if (!type.name().equals(name)) {
                    renameSteps.put(role.id(), plan.add(new Operation.RenamePermissionType(role.id(), linked, name)));
                }
            } else if (names.adopts().containsKey(role.id())) {
                LbPermissionType type = types.get(names.adopts().get(role.id()));
                steps.put(role.id(), plan.add(new Operation.AdoptPermissionType(role.id(), type.id(), type.name(), name)));
                plan.after(steps.get(role.id()), unlinkSteps.get(type.id())); // one role linked to a type at a time
                known.put(role.id(), type.id());
                managed.add(type.id());
            } else {
                steps.put(role.id(), plan.add(new Operation.CreatePermissionType(role.id(), name)));
            }
        }
        letGoSteps.forEach((roleId, letGo) -> plan.after(steps.getOrDefault(roleId, -1), letGo));
        names.waitsFor().forEach((roleId, holderRole) -> {
            Integer step = steps.containsKey(roleId) ? steps.get(roleId) : renameSteps.get(roleId);
            if (step != null) {
                plan.after(step, deletedRoles.contains(holderRole) ? deleteSteps.get(holderRole) : renameSteps.get(holderRole));
            }
        });
        return new PermissionTypes(Map.copyOf(known), Map.copyOf(steps), Set.copyOf(managed), Set.copyOf(deleting));
    }

    private void sortLinks() {
        Map<Long, ZiikRole> current = roles.stream().collect(Collectors.toMap(ZiikRole::id, Function.identity()));
        links.forEach((roleId, link) -> {
            LbPermissionType type = types.get(link.permissionTypeId());
            if (type == null) {
                plan.add(new Operation.ForgetLink(ObjectKind.PERMISSION_TYPE, roleId, link.permissionTypeId()));
                return;
            }
            managed.add(type.id());
            ZiikRole role = current.get(roleId);
            if (role != null && type.system() && !type.name().equals(role.name())) {
                // a renamed role whose adopted type is one of Learningbank's system types, which cannot be
                // renamed: let go of it (never deleted) and give the role a type of its new name (R1, R2)
                letGoSteps.put(roleId, plan.add(new Operation.DeletePermissionType(roleId, type.id(), type.name(), true)));
                unlinkSteps.put(type.id(), letGoSteps.get(roleId));
                return;
            }
            if (role != null) {
                known.put(roleId, type.id());
                return;
            }
            deletedRoles.add(roleId);
            deleteSteps.put(roleId, plan.add(new Operation.DeletePermissionType(roleId, type.id(), type.name(), link.adopted())));
            if (link.adopted()) {
                unlinkSteps.put(type.id(), deleteSteps.get(roleId));
            } else {
                deleting.add(type.id());
            }
        });
    }

    private NameClaims.Outcome claimNames() {
        List<NameClaims.Claimant> claimants = new ArrayList<>();
        for (ZiikRole role : roles) {
            if (role.name() == null || role.name().isBlank()) {
                plan.problem(ObjectKind.PERMISSION_TYPE, role.id(), ProblemCode.INVALID_NAME.wireName(), "the role has no name");
                continue;
            }
            String linked = known.get(role.id());
            LbPermissionType type = linked == null ? null : types.get(linked);
            claimants.add(new NameClaims.Claimant(role.id(), type == null ? null : type.name(), role.name()));
        }
        // A type this plan only unlinks keeps its name in Learningbank and is no longer ziiklb's: it
        // holds its name as a type ziiklb does not manage, which a new role adopts (rule R2) and a
        // linked role cannot rename into. Only a type that is deleted frees its name.
        Map<String, Long> roleByType = new HashMap<>();
        links.forEach((roleId, link) -> {
            if (!unlinkSteps.containsKey(link.permissionTypeId())) {
                roleByType.put(link.permissionTypeId(), roleId);
            }
        });
        Map<String, NameClaims.Holder> holders = new HashMap<>();
        for (LbPermissionType t : types.values()) {
            holders.put(NameClaims.key(t.name()), new NameClaims.Holder(t.id(), roleByType.get(t.id())));
        }
        NameClaims.Outcome outcome = new NameClaims(claimants, holders, deletedRoles, true, "permission type").resolve();
        outcome.lost().forEach((roleId, reason) ->
                plan.problem(ObjectKind.PERMISSION_TYPE, roleId, ProblemCode.NAME_CONFLICT.wireName(), reason));
        return outcome;
    }
}
