package io.ziiklb.simulator.ziik;

/** Ziik's {@code unit_type}: departments hang under a unit and have no sub-units of their own. */
enum UnitType {
    UNIT("unit"),
    DEPARTMENT("department");

    private final String json;

    UnitType(String json) {
        this.json = json;
    }

    String json() {
        return json;
    }
}
