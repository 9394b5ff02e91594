package io.ziiklb.sync;

/**
 * One step of a plan. Each names the Ziik object it is for; references to other Ziik objects (a
 * parent unit, a user's units and roles) are resolved through the links when the step runs.
 */
public sealed interface Operation {

    ObjectKind kind();

    long ziikId();

    /** {@code create}, {@code update}, {@code delete}, {@code deactivate}, {@code adopt}, {@code link}, ... */
    String verb();

    /** One line for people: what the step will do, naming objects by id (the activity log's message). */
    default String summary() {
        return summary(Names.NONE);
    }

    /** One line for people, naming the objects by the names given where known (the preview). */
    String summary(Names names);

    /** Whether Learningbank is written to. */
    default boolean writes() {
        return true;
    }

    /** Rule U1: the top unit is linked to the top department; nothing is written. */
    record LinkTopDepartment(long unitId, String departmentId) implements Operation {
        public ObjectKind kind() { return ObjectKind.DEPARTMENT; }
        public long ziikId() { return unitId; }
        public String verb() { return "link"; }
        public String summary(Names names) {
            String unit = names.unit(unitId);
            return "link the top unit " + (unit.startsWith("unit ") ? "" : unit + " ") + "to the top department "
                    + departmentId;
        }
        public boolean writes() { return false; }
    }

    record CreateDepartment(long unitId, String name, long parentUnitId) implements Operation {
        public ObjectKind kind() { return ObjectKind.DEPARTMENT; }
        public long ziikId() { return unitId; }
        public String verb() { return "create"; }
        public String summary(Names names) { return "create department \"" + name + "\" under " + names.unit(parentUnitId); }
    }

    /** Renames ({@code name} not null) and/or moves ({@code parentUnitId} not null) a linked department. */
    record UpdateDepartment(long unitId, String departmentId, String name, Long parentUnitId) implements Operation {
        public ObjectKind kind() { return ObjectKind.DEPARTMENT; }
        public long ziikId() { return unitId; }
        public String verb() { return "update"; }
        public String summary(Names names) {
            String current = names.department(departmentId);
            return (name != null ? "rename department " + (current == null ? "" : current + " ") + "to \"" + name + "\"" : "")
                    + (name != null && parentUnitId != null ? " and " : "")
                    + (parentUnitId != null ? "move department " + (name == null && current != null ? current + " " : "")
                    + "under " + names.unit(parentUnitId) : "");
        }
    }

    record DeleteDepartment(long unitId, String departmentId, String name) implements Operation {
        public ObjectKind kind() { return ObjectKind.DEPARTMENT; }
        public long ziikId() { return unitId; }
        public String verb() { return "delete"; }
        public String summary(Names names) { return "delete department \"" + name + "\""; }
    }

    record CreatePermissionType(long roleId, String name) implements Operation {
        public ObjectKind kind() { return ObjectKind.PERMISSION_TYPE; }
        public long ziikId() { return roleId; }
        public String verb() { return "create"; }
        public String summary(Names names) { return "create permission type \"" + name + "\""; }
    }

    /** Rule R2: links an existing type of the role's name, renaming it when only the case differs. */
    record AdoptPermissionType(long roleId, String permissionTypeId, String currentName, String name) implements Operation {
        public ObjectKind kind() { return ObjectKind.PERMISSION_TYPE; }
        public long ziikId() { return roleId; }
        public String verb() { return "adopt"; }
        public String summary(Names names) {
            return "adopt existing permission type \"" + currentName + "\""
                    + (currentName.equals(name) ? "" : " and rename it to \"" + name + "\"");
        }
        public boolean writes() { return !currentName.equals(name); }
    }

    record RenamePermissionType(long roleId, String permissionTypeId, String name) implements Operation {
        public ObjectKind kind() { return ObjectKind.PERMISSION_TYPE; }
        public long ziikId() { return roleId; }
        public String verb() { return "update"; }
        public String summary(Names names) {
            String current = names.permissionType(permissionTypeId);
            return "rename permission type " + (current == null ? "" : current + " ") + "to \"" + name + "\"";
        }
    }

    /** A deleted role: its type is deleted, or, when adopted, only unlinked (rule R2). */
    record DeletePermissionType(long roleId, String permissionTypeId, String name, boolean adopted) implements Operation {
        public ObjectKind kind() { return ObjectKind.PERMISSION_TYPE; }
        public long ziikId() { return roleId; }
        public String verb() { return adopted ? "unlink" : "delete"; }
        public String summary(Names names) {
            return adopted ? "unlink adopted permission type \"" + name + "\" (kept)" : "delete permission type \"" + name + "\"";
        }
        public boolean writes() { return !adopted; }
    }

    /** A link whose Learningbank object no longer exists there: forget it, so the object is made again. */
    record ForgetLink(ObjectKind kind, long ziikId, String learningbankId) implements Operation {
        public String verb() { return "forget"; }
        public String summary(Names names) { return "forget the link to " + learningbankId + ", which Learningbank no longer has"; }
        public boolean writes() { return false; }
    }

    record CreateUser(long ziikUserId, UserTarget target) implements Operation {
        public ObjectKind kind() { return ObjectKind.USER; }
        public long ziikId() { return ziikUserId; }
        public String verb() { return "create"; }
        public String summary(Names names) {
            String person = names.user(ziikUserId, null);
            return "create user " + (person.startsWith("Ziik user ") ? target.email() : person)
                    + UserChanges.placement(target, names);
        }
    }

    /**
     * Updates a user; with {@code link}, first links it (rule P2: an existing user matched by
     * external id or email). An empty target with {@code link} writes nothing.
     */
    record UpdateUser(long ziikUserId, String userId, boolean link, UserTarget target) implements Operation {
        public ObjectKind kind() { return ObjectKind.USER; }
        public long ziikId() { return ziikUserId; }
        public String verb() { return link ? "link" : "update"; }
        public String summary(Names names) {
            if (names == Names.NONE) {
                return (link ? "link existing user " + userId + (target.isEmpty() ? "" : " and ") : "")
                        + (target.isEmpty() ? "" : "update " + UserChanges.describe(target));
            }
            String person = names.user(ziikUserId, userId);
            return (link ? "link existing user " + person + (target.isEmpty() ? "" : " and update ")
                    : "update user " + person + ": ") + UserChanges.describe(target, names);
        }
        public boolean writes() { return !target.isEmpty(); }
    }

    /** Rule P6: a deactivated, deleted or anonymised Ziik user. Held by the deletion guard. */
    record DeactivateUser(long ziikUserId, String userId) implements Operation {
        public ObjectKind kind() { return ObjectKind.USER; }
        public long ziikId() { return ziikUserId; }
        public String verb() { return "deactivate"; }
        public String summary(Names names) {
            return "deactivate user " + (names == Names.NONE ? userId : names.user(ziikUserId, userId));
        }
    }
}
