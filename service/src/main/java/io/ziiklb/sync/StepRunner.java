package io.ziiklb.sync;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LbUserChange;
import io.ziiklb.learningbank.LearningbankApi;
import io.ziiklb.learningbank.LearningbankConflictException;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankNotFoundException;
import io.ziiklb.learningbank.LearningbankUnauthorizedException;
import io.ziiklb.learningbank.LearningbankValidationException;
import io.ziiklb.learningbank.LearningbankConflictException.Kind;
import io.ziiklb.sync.Operation.AdoptPermissionType;
import io.ziiklb.sync.Operation.CreateDepartment;
import io.ziiklb.sync.Operation.CreatePermissionType;
import io.ziiklb.sync.Operation.CreateUser;
import io.ziiklb.sync.Operation.DeactivateUser;
import io.ziiklb.sync.Operation.DeleteDepartment;
import io.ziiklb.sync.Operation.DeletePermissionType;
import io.ziiklb.sync.Operation.ForgetLink;
import io.ziiklb.sync.Operation.LinkTopDepartment;
import io.ziiklb.sync.Operation.RenamePermissionType;
import io.ziiklb.sync.Operation.UpdateDepartment;
import io.ziiklb.sync.Operation.UpdateUser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one step against Learningbank and the links. Idempotent: running a step again after it
 * (maybe) ran finds the object and links it instead of making a second one (rule O2). Answers
 * that settle the step (done, or refused for good) come back as a {@link StepResult}; transient
 * failures ({@code 429}, {@code 5xx}, timeouts) are thrown for the executor to retry.
 */
final class StepRunner {
    private final LearningbankApi lb;
    private final LinkStore links;
    private final UnitTree tree;
    private final String topDepartmentId;

    StepRunner(LearningbankApi lb, LinkStore links, UnitTree tree, String topDepartmentId) {
        this.lb = lb;
        this.links = links;
        this.tree = tree;
        this.topDepartmentId = topDepartmentId;
    }

    /**
     * @param retry whether an earlier attempt failed in a way that may have applied it (look up first)
     * @throws LearningbankException only when {@link LearningbankException#transientFailure()}, or
     *                               for rejected credentials
     */
    StepResult run(Plan.Step step, boolean retry) {
        try {
            return switch (step.operation()) {
                case LinkTopDepartment op -> {
                    links.linkDepartment(op.unitId(), op.departmentId());
                    yield StepResult.of(step, StepOutcome.LINKED, op.departmentId());
                }
                case ForgetLink op -> forget(step, op);
                case CreateDepartment op -> createDepartment(step, op, retry);
                case UpdateDepartment op -> updateDepartment(step, op);
                case DeleteDepartment op -> deleteDepartment(step, op);
                case CreatePermissionType op -> createPermissionType(step, op, retry);
                case AdoptPermissionType op -> adoptPermissionType(step, op);
                case RenamePermissionType op -> {
                    lb.renamePermissionType(op.permissionTypeId(), op.name());
                    yield StepResult.of(step, StepOutcome.UPDATED, op.permissionTypeId());
                }
                case DeletePermissionType op -> deletePermissionType(step, op);
                case CreateUser op -> createUser(step, op, retry);
                case UpdateUser op -> updateUser(step, op);
                case DeactivateUser op -> {
                    lb.updateUser(op.userId(), LbUserChange.none().withActive(false));
                    yield StepResult.of(step, StepOutcome.DEACTIVATED, op.userId());
                }
            };
        } catch (LearningbankException e) {
            if (e.transientFailure() || e instanceof LearningbankUnauthorizedException) {
                throw e; // the executor retries, or stops: no step succeeds without credentials
            }
            return refused(step, e);
        }
    }

    private StepResult forget(Plan.Step step, ForgetLink op) {
        switch (op.kind()) {
            case DEPARTMENT -> links.unlinkDepartment(op.ziikId());
            case PERMISSION_TYPE -> links.unlinkPermissionType(op.ziikId());
            case USER -> links.unlinkUser(op.ziikId());
        }
        return StepResult.of(step, StepOutcome.LINKED, op.learningbankId());
    }

    private StepResult createDepartment(Plan.Step step, CreateDepartment op, boolean retry) {
        String parent = departmentFor(op.parentUnitId());
        if (retry) {
            Optional<LbDepartment> made = lb.departmentByName(op.name()).filter(d -> parent.equals(d.parentId()));
            if (made.isPresent()) {
                links.linkDepartment(op.unitId(), made.get().id());
                return StepResult.of(step, StepOutcome.CREATED, made.get().id());
            }
        }
        links.intendDepartment(op.unitId(), op.name());
        try {
            LbDepartment created = lb.createDepartment(op.name(), parent);
            links.linkDepartment(op.unitId(), created.id());
            return StepResult.of(step, StepOutcome.CREATED, created.id());
        } catch (LearningbankException e) {
            if (e.transientFailure()) {
                throw e; // it may have applied: the intent stays until it is settled
            }
            links.dropCreateIntent(op.unitId()); // refused: nothing was made
            if (e instanceof LearningbankConflictException c && c.kind() == Kind.DUPLICATE_NAME) {
                return StepResult.failed(step, null, ProblemCode.NAME_CONFLICT.wireName(), "\"" + op.name()
                        + "\" is taken in Learningbank by a department ziiklb does not manage; its users go to the"
                        + " nearest parent department (turning on unique units avoids this)");
            }
            throw e;
        }
    }

    private StepResult updateDepartment(Plan.Step step, UpdateDepartment op) {
        String parent = op.parentUnitId() == null ? null : departmentFor(op.parentUnitId());
        try {
            lb.updateDepartment(op.departmentId(), op.name(), parent);
            return StepResult.of(step, StepOutcome.UPDATED, op.departmentId());
        } catch (LearningbankNotFoundException e) {
            links.unlinkDepartment(op.unitId());
            return StepResult.failed(step, op.departmentId(), ProblemCode.MISSING.wireName(),
                    "the department was deleted in Learningbank; it is made again at the next synchronisation");
        }
    }

    private StepResult deleteDepartment(Plan.Step step, DeleteDepartment op) {
        try {
            lb.deleteDepartment(op.departmentId());
        } catch (LearningbankNotFoundException alreadyGone) {
            // the goal holds
        } catch (LearningbankConflictException e) {
            if (e.kind() == Kind.DEPARTMENT_NOT_EMPTY) {
                return StepResult.failed(step, op.departmentId(), ProblemCode.DELETE_BLOCKED.wireName(), "Learningbank refuses to delete \""
                        + op.name() + "\": it still has users or departments that ziiklb does not manage;"
                        + " tried again at the next synchronisation");
            }
            throw e;
        }
        links.unlinkDepartment(op.unitId());
        return StepResult.of(step, StepOutcome.DELETED, op.departmentId());
    }

    private StepResult createPermissionType(Plan.Step step, CreatePermissionType op, boolean retry) {
        if (retry) {
            Optional<LbPermissionType> made = lb.permissionTypeByName(op.name());
            if (made.isPresent()) {
                links.linkPermissionType(op.roleId(), made.get().id(), false);
                return StepResult.of(step, StepOutcome.CREATED, made.get().id());
            }
        }
        links.intendPermissionType(op.roleId(), op.name());
        try {
            LbPermissionType created = lb.createPermissionType(op.name());
            links.linkPermissionType(op.roleId(), created.id(), false);
            return StepResult.of(step, StepOutcome.CREATED, created.id());
        } catch (LearningbankException e) {
            if (e.transientFailure()) {
                throw e; // it may have applied: the intent stays until it is settled
            }
            links.dropTypeIntent(op.roleId()); // refused: nothing was made
            if (!(e instanceof LearningbankConflictException c) || c.kind() != Kind.DUPLICATE_NAME) {
                throw e;
            }
            // made in Learningbank since the plan was made: adopt it (rule R2)
            LbPermissionType existing = lb.permissionTypeByName(op.name()).orElseThrow(() -> e);
            return adoptPermissionType(step, new AdoptPermissionType(op.roleId(), existing.id(), existing.name(), op.name()));
        }
    }

    private StepResult adoptPermissionType(Plan.Step step, AdoptPermissionType op) {
        links.linkPermissionType(op.roleId(), op.permissionTypeId(), true);
        if (!op.currentName().equals(op.name())) {
            lb.renamePermissionType(op.permissionTypeId(), op.name());
        }
        return StepResult.of(step, StepOutcome.LINKED, op.permissionTypeId());
    }

    private StepResult deletePermissionType(Plan.Step step, DeletePermissionType op) {
        if (op.adopted()) {
            links.unlinkPermissionType(op.roleId());
            return StepResult.of(step, StepOutcome.LINKED, op.permissionTypeId());
        }
        try {
            lb.deletePermissionType(op.permissionTypeId());
        } catch (LearningbankNotFoundException alreadyGone) {
            // the goal holds
        }
        links.unlinkPermissionType(op.roleId());
        return StepResult.of(step, StepOutcome.DELETED, op.permissionTypeId());
    }

    private StepResult createUser(Plan.Step step, CreateUser op, boolean retry) {
        UserTarget target = op.target();
        if (retry) {
            Optional<LbUser> made = lb.userByExternalId(target.externalId());
            if (made.isPresent()) {
                links.linkUser(op.ziikUserId(), made.get().id());
                return StepResult.of(step, StepOutcome.CREATED, made.get().id());
            }
        }
        try {
            LbUser created = lb.createUser(change(target));
            links.linkUser(op.ziikUserId(), created.id());
            return StepResult.of(step, StepOutcome.CREATED, created.id());
        } catch (LearningbankConflictException e) {
            Optional<LbUser> existing = switch (e.kind()) {
                case DUPLICATE_EXTERNAL_ID -> lb.userByExternalId(target.externalId());
                case DUPLICATE_EMAIL -> lb.userByEmail(target.email()).filter(u -> notLinkedToOther(u, op.ziikUserId()));
                default -> Optional.empty();
            };
            if (existing.isEmpty()) {
                return refused(step, e);
            }
            // made in Learningbank since the plan was made: link it and bring it in line (rule P2)
            links.linkUser(op.ziikUserId(), existing.get().id());
            lb.updateUser(existing.get().id(), change(target));
            return StepResult.of(step, StepOutcome.UPDATED, existing.get().id());
        }
    }

    private boolean notLinkedToOther(LbUser user, long ziikUserId) {
        return links.userLinkedTo(user.id()).map(linked -> linked == ziikUserId).orElse(true);
    }

    private StepResult updateUser(Plan.Step step, UpdateUser op) {
        if (op.link()) {
            links.linkUser(op.ziikUserId(), op.userId());
        }
        if (op.target().isEmpty()) {
            return StepResult.of(step, StepOutcome.LINKED, op.userId());
        }
        try {
            lb.updateUser(op.userId(), change(op.target()));
            return StepResult.of(step, StepOutcome.UPDATED, op.userId());
        } catch (LearningbankNotFoundException e) {
            links.unlinkUser(op.ziikUserId());
            return StepResult.failed(step, op.userId(), ProblemCode.MISSING.wireName(),
                    "the user was deleted in Learningbank; it is made again at the next synchronisation");
        }
    }

    /** The fields to send, with unit and role references resolved through the links as they are now. */
    private LbUserChange change(UserTarget t) {
        return new LbUserChange(t.externalId(), t.email(), t.firstName(), t.lastName(), t.active(), t.language(),
                t.departments() == null ? null : resolve(t.departments(), true),
                t.permissionTypes() == null ? null : resolve(t.permissionTypes(), false),
                t.jobProfileId());
    }

    private List<String> resolve(Refs refs, boolean departments) {
        Set<String> ids = new LinkedHashSet<>(refs.keep());
        for (long ziikId : refs.ziikIds()) {
            if (departments) {
                ids.add(departmentFor(ziikId));
            } else {
                links.permissionType(ziikId).ifPresent(link -> ids.add(link.permissionTypeId()));
            }
        }
        return List.copyOf(ids);
    }

    /** The department of the unit, else of its nearest linked ancestor, at the latest the top department. */
    String departmentFor(long unitId) {
        if (tree == null) {
            throw new IllegalStateException("this plan was run without a unit tree, but refers to unit " + unitId);
        }
        return tree.departmentFor(unitId, links::department, topDepartmentId);
    }

    private static StepResult refused(Plan.Step step, LearningbankException e) {
        String fields = e instanceof LearningbankValidationException v && !v.fields().isEmpty() ? " " + v.fields() : "";
        return StepResult.failed(step, null, e.code(), e.getMessage() + fields);
    }
}
