package io.ziiklb.bench;

import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.learningbank.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * One change that Ziik announces to nobody in {@code bench live --unannounced}, made through the
 * Ziik simulator's control routes (which its request log does not count), and how to see in
 * Learningbank's state that it arrived.
 *
 * @param kind   what changed
 * @param ziikId the user changed
 * @param target what Learningbank shows once it arrived: the new first name, the unit whose department the
 *               user is in, or the role whose type the user has (unused for a deactivation)
 */
record UnannouncedChange(Kind kind, long ziikId, String target, long madeAt) {

    /** The changes, in the order the bench makes them. */
    enum Kind {
        RENAME(true), DEACTIVATION(true), PRIMARY_UNIT_MOVE(true), ROLE_CHANGE(false), MEMBERSHIP_ADDED(false);

        /** Whether the user lists show it (the list sweep's), or only the memberships (the deep sweep's). */
        final boolean listed;

        Kind(boolean listed) {
            this.listed = listed;
        }
    }

    /** What the bench may pick from: mirrored units below the top, and roles, by id and name. */
    record Catalogue(List<Long> units, Map<Long, String> roles) {
    }

    /** Makes the {@code n}-th change, to user {@code ziikId}, in the simulator at {@code ziikOrigin}. */
    static UnannouncedChange make(int n, long ziikId, String ziikOrigin, Catalogue catalogue, Random random) throws Exception {
        Kind kind = Kind.values()[n % Kind.values().length];
        String user = ziikOrigin + "/_sim/users/" + ziikId;
        JsonNode memberships = LiveWorld.call("GET", user + "/memberships", null).path("data");
        JsonNode first = memberships.path(0);
        List<Long> memberOf = new ArrayList<>();
        memberships.forEach(m -> memberOf.add(m.path("unitId").asLong()));
        List<Long> roles = new ArrayList<>();
        first.path("roleIds").forEach(r -> roles.add(r.asLong()));
        String target;
        switch (kind) {
            case RENAME -> {
                target = "Renamed" + n;
                LiveWorld.call("PATCH", user, Map.of("firstName", target));
            }
            case DEACTIVATION -> {
                target = "";
                LiveWorld.call("POST", user + "/deactivate", null);
            }
            case PRIMARY_UNIT_MOVE -> {
                long unit = pick(catalogue.units(), memberOf, random);
                target = Long.toString(unit);
                LiveWorld.call("PUT", user + "/memberships/0", Map.of("unitId", unit, "departmentId", 0, "roleIds", roles));
            }
            case ROLE_CHANGE -> {
                long role = pick(List.copyOf(catalogue.roles().keySet()), roles, random);
                target = catalogue.roles().get(role);
                LiveWorld.call("PUT", user + "/memberships/0", Map.of("unitId", first.path("unitId").asLong(),
                        "departmentId", first.path("departmentId").asLong(), "roleIds", List.of(role)));
            }
            case MEMBERSHIP_ADDED -> {
                long unit = pick(catalogue.units(), memberOf, random);
                target = Long.toString(unit);
                LiveWorld.call("POST", user + "/memberships", Map.of("unitId", unit));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return new UnannouncedChange(kind, ziikId, target, System.nanoTime());
    }

    /** Whether Learningbank shows the change now. */
    boolean arrived(LearningbankState lb) {
        Optional<User> found = lb.findUserByExternalId("ziik:" + ziikId);
        if (found.isEmpty()) {
            return false;
        }
        User user = found.get();
        return switch (kind) {
            case RENAME -> user.firstName().equals(target);
            case DEACTIVATION -> !user.isActive();
            case PRIMARY_UNIT_MOVE, MEMBERSHIP_ADDED -> user.departmentIds().stream()
                    .anyMatch(d -> lb.findDepartment(d).map(dept -> dept.name().endsWith(" (" + target + ")")).orElse(false));
            case ROLE_CHANGE -> lb.findPermissionTypeByName(target).map(t -> user.permissionTypeIds().contains(t.id())).orElse(false);
        };
    }

    private static long pick(List<Long> from, List<Long> not, Random random) {
        List<Long> free = from.stream().filter(id -> !not.contains(id)).toList();
        return free.get(random.nextInt(free.size()));
    }
}
