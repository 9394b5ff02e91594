package io.ziiklb.simulator.ziik;

/** A stored role ("user type"). Immutable: a rename replaces the row. */
record RoleRow(int id, String name, String reference) {

    RoleRow withName(String newName) {
        return new RoleRow(id, newName, reference);
    }
}
