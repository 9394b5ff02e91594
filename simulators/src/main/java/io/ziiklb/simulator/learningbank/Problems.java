package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.SimProblem;

/** The contract's non-validation error answers. */
final class Problems {
    private Problems() {
    }

    static SimProblem unauthorized() {
        return new SimProblem(401, "unauthorized", "missing or wrong credentials");
    }

    static SimProblem notFound(String kind, String id) {
        return SimProblem.notFound(kind + " not found: " + id);
    }

    static SimProblem duplicateName(String kind, String name) {
        return new SimProblem(409, "duplicate_name", "a " + kind + " named '" + name + "' already exists");
    }

    static SimProblem duplicateEmail(String email) {
        return new SimProblem(409, "duplicate_email", "a user with email '" + email + "' already exists");
    }

    static SimProblem duplicateExternalId(String externalId) {
        return new SimProblem(409, "duplicate_external_id",
                "a user with external_id '" + externalId + "' already exists");
    }

    static SimProblem departmentNotEmpty(String id, String why) {
        return new SimProblem(409, "department_not_empty", "department " + id + " still has " + why);
    }

    static SimProblem protectedItem(String what) {
        return new SimProblem(409, "protected", what + " cannot be changed or deleted");
    }

    static SimProblem userInactive(String id) {
        return new SimProblem(409, "user_inactive", "user " + id + " is not active");
    }
}
