package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the preview ({@code POST /integrations/{id}/preview}: op, kind, ziikId, summary and the
 * counts by op) and the write count of rule L2 show for each kind of step.
 */
class OperationTest {

    private static final UserTarget NOTHING = UserTarget.empty();
    private static final Refs UNITS = new Refs(List.of("d-theirs"), List.of(2L));
    private static final Refs ROLES = new Refs(List.of(), List.of(10L));

    static Stream<Arguments> previewRows() {
        return Stream.of(
                row(new LinkTopDepartment(1, "d-top"), "link", ObjectKind.DEPARTMENT, 1, false,
                        "link the top unit to the top department d-top"),
                row(new CreateDepartment(2, "Kitchen", 1), "create", ObjectKind.DEPARTMENT, 2, true,
                        "create department \"Kitchen\" under unit 1"),
                row(new UpdateDepartment(3, "d-3", "Bar", null), "update", ObjectKind.DEPARTMENT, 3, true,
                        "rename department to \"Bar\""),
                row(new UpdateDepartment(3, "d-3", null, 2L), "update", ObjectKind.DEPARTMENT, 3, true,
                        "move department under unit 2"),
                row(new UpdateDepartment(3, "d-3", "Bar", 2L), "update", ObjectKind.DEPARTMENT, 3, true,
                        "rename department to \"Bar\" and move department under unit 2"),
                row(new DeleteDepartment(4, "d-4", "Old"), "delete", ObjectKind.DEPARTMENT, 4, true,
                        "delete department \"Old\""),
                row(new CreatePermissionType(10, "Chef"), "create", ObjectKind.PERMISSION_TYPE, 10, true,
                        "create permission type \"Chef\""),
                // rule R2: adopting a type of the same name writes nothing; only a case difference is renamed
                row(new AdoptPermissionType(11, "pt-a", "Auditor", "Auditor"), "adopt", ObjectKind.PERMISSION_TYPE, 11,
                        false, "adopt existing permission type \"Auditor\""),
                row(new AdoptPermissionType(11, "pt-a", "Auditor", "auditor"), "adopt", ObjectKind.PERMISSION_TYPE, 11,
                        true, "adopt existing permission type \"Auditor\" and rename it to \"auditor\""),
                row(new RenamePermissionType(12, "pt-c", "Head chef"), "update", ObjectKind.PERMISSION_TYPE, 12, true,
                        "rename permission type to \"Head chef\""),
                row(new DeletePermissionType(13, "pt-g", "Gone", false), "delete", ObjectKind.PERMISSION_TYPE, 13, true,
                        "delete permission type \"Gone\""),
                // rule R2: an adopted type is never deleted, only unlinked
                row(new DeletePermissionType(13, "pt-g", "Gone", true), "unlink", ObjectKind.PERMISSION_TYPE, 13, false,
                        "unlink adopted permission type \"Gone\" (kept)"),
                row(new ForgetLink(ObjectKind.USER, 100, "u-1"), "forget", ObjectKind.USER, 100, false,
                        "forget the link to u-1, which Learningbank no longer has"),
                row(new ForgetLink(ObjectKind.DEPARTMENT, 5, "d-5"), "forget", ObjectKind.DEPARTMENT, 5, false,
                        "forget the link to d-5, which Learningbank no longer has"),
                row(new CreateUser(100, new UserTarget("ziik:100", "ann@example.com", "Ann", "Berg", true, "da",
                        UNITS, null, null)), "create", ObjectKind.USER, 100, true, "create user ann@example.com"),
                // rule P2: a match found by email or external id is linked; with nothing to change, nothing is written
                row(new UpdateUser(100, "u-1", true, NOTHING), "link", ObjectKind.USER, 100, false,
                        "link existing user u-1"),
                row(new UpdateUser(100, "u-1", true, NOTHING.withDepartments(UNITS)), "link", ObjectKind.USER, 100, true,
                        "link existing user u-1 and update departments"),
                row(new UpdateUser(100, "u-1", false, new UserTarget("ziik:100", "new@example.com", "Ann", null, true,
                        "da", UNITS, ROLES, "jp-chef")), "update", ObjectKind.USER, 100, true,
                        "update external id, email, name, reactivate, language, departments, permission types, job profile"),
                row(new UpdateUser(100, "u-1", false, new UserTarget(null, null, null, "Berg", false, null, null, null,
                        null)), "update", ObjectKind.USER, 100, true, "update name, deactivate"),
                row(new DeactivateUser(100, "u-1"), "deactivate", ObjectKind.USER, 100, true, "deactivate user u-1"));
    }

    /** What the preview knows the objects as: Ziik's units, roles and people, Learningbank's objects. */
    private static final Names NAMES = new Names(Map.of(1L, "Acme", 2L, "Kitchen"), Map.of(10L, "Chef"),
            Map.of(100L, "Ann Berg <ann@example.com>"), Map.of("d-3", "Bar old"), Map.of("pt-c", "Cook"),
            Map.of("jp-chef", "Chef"), Map.of("u-1", "Ann Berg <ann@old.example.com>", "u-2", "Bo Lund <bo@example.com>"));

    /** The preview names units, roles and users as people know them, where it can. */
    static Stream<Arguments> namedPreviewRows() {
        return Stream.of(
                Arguments.of(new LinkTopDepartment(1, "d-top"), "link the top unit \"Acme\" to the top department d-top"),
                Arguments.of(new CreateDepartment(2, "Kitchen", 1), "create department \"Kitchen\" under \"Acme\""),
                Arguments.of(new CreateDepartment(5, "Bar", 99), "create department \"Bar\" under unit 99"),
                Arguments.of(new UpdateDepartment(3, "d-3", "Bar", null), "rename department \"Bar old\" to \"Bar\""),
                Arguments.of(new UpdateDepartment(3, "d-3", null, 2L), "move department \"Bar old\" under \"Kitchen\""),
                Arguments.of(new UpdateDepartment(3, "d-3", "Bar", 2L),
                        "rename department \"Bar old\" to \"Bar\" and move department under \"Kitchen\""),
                Arguments.of(new RenamePermissionType(12, "pt-c", "Head chef"), "rename permission type \"Cook\" to \"Head chef\""),
                Arguments.of(new CreateUser(100, new UserTarget("ziik:100", "ann@example.com", "Ann", "Berg", true, "da",
                        UNITS, ROLES, null)), "create user Ann Berg <ann@example.com> in \"Kitchen\" with \"Chef\""),
                Arguments.of(new UpdateUser(100, "u-1", true, NOTHING), "link existing user Ann Berg <ann@example.com>"),
                Arguments.of(new UpdateUser(100, "u-1", false, new UserTarget(null, "new@example.com", null, null, null,
                        null, UNITS, ROLES, "jp-chef")), "update user Ann Berg <ann@example.com>: email,"
                        + " departments (\"Kitchen\"), permission types (\"Chef\"), job profile (\"Chef\")"),
                Arguments.of(new UpdateUser(101, "u-2", true, NOTHING.withDepartments(UNITS)),
                        "link existing user Bo Lund <bo@example.com> and update departments (\"Kitchen\")"),
                // a user deleted in Ziik is named as Learningbank knows them
                Arguments.of(new DeactivateUser(102, "u-2"), "deactivate user Bo Lund <bo@example.com>"),
                Arguments.of(new DeactivateUser(103, "u-9"), "deactivate user u-9"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("namedPreviewRows")
    void previewRowsNameWhatTheyConcern(Operation op, String summary) {
        assertThat(op.summary(NAMES)).isEqualTo(summary);
    }

    private static Arguments row(Operation op, String verb, ObjectKind kind, long ziikId, boolean writes, String summary) {
        return Arguments.of(op, verb, kind, ziikId, writes, summary);
    }

    @ParameterizedTest(name = "{1} {2}: {5}")
    @MethodSource("previewRows")
    void previewRowOfEachStep(Operation op, String verb, ObjectKind kind, long ziikId, boolean writes, String summary) {
        assertThat(op.verb()).isEqualTo(verb);
        assertThat(op.kind()).isEqualTo(kind);
        assertThat(op.ziikId()).isEqualTo(ziikId);
        assertThat(op.writes()).isEqualTo(writes);
        assertThat(op.summary()).isEqualTo(summary);
    }
}
