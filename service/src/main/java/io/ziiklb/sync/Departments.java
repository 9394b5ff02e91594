package io.ziiklb.sync;

import java.util.Map;
import java.util.Set;

/**
 * What the department part of a plan decided, for the user part: which units will have a
 * department, which are created by which step, and which departments are deleted by which step.
 *
 * @param kept        units whose linked department stays (the top unit included) → department id
 * @param createSteps units whose department this plan creates → step
 * @param deleteSteps departments this plan deletes → step
 * @param managed     every department ziiklb has linked, including those being deleted
 */
record Departments(UnitTree tree, Map<Long, String> kept, Map<Long, Integer> createSteps,
                   Map<String, Integer> deleteSteps, Set<String> managed) {

    boolean hasDepartment(long unitId) {
        return kept.containsKey(unitId) || createSteps.containsKey(unitId);
    }

    /**
     * The unit whose department stands for {@code unitId}: itself when it has one, else its nearest
     * ancestor that has one (a unit in a name conflict, of type department, or unknown), at the
     * latest the top unit.
     */
    long effectiveUnit(long unitId) {
        return tree.nearest(unitId, this::hasDepartment);
    }
}
