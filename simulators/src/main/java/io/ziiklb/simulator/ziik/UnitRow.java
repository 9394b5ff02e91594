package io.ziiklb.simulator.ziik;

/**
 * A stored unit. Immutable: a change replaces the row.
 *
 * @param parentId 0 for the top unit
 */
record UnitRow(int id, String name, int parentId, UnitType type, String reference) {

    UnitRow withName(String newName) {
        return new UnitRow(id, newName, parentId, type, reference);
    }

    UnitRow withParent(int newParentId) {
        return new UnitRow(id, name, newParentId, type, reference);
    }

    boolean isTop() {
        return parentId == 0;
    }
}
