package io.ziiklb.sync;

/**
 * What the department and permission-type parts of a plan decided: the user part refers to both
 * (a user's departments and types, and the steps it waits for), so they travel together.
 */
record PlannedParts(Departments departments, PermissionTypes types) {
}
