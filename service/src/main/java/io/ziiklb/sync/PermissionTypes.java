package io.ziiklb.sync;

import java.util.Map;
import java.util.Set;

/**
 * What the permission-type part of a plan decided, for the user part.
 *
 * @param known    roles whose type id is known now (linked, or adopted by this plan) → type id
 * @param steps    roles whose type this plan creates or adopts → step (users wait for it)
 * @param managed  every type ziiklb manages once the plan has run, including those it deletes
 * @param deleting types this plan deletes; Learningbank takes them off users by itself
 */
record PermissionTypes(Map<Long, String> known, Map<Long, Integer> steps, Set<String> managed, Set<String> deleting) {
}
