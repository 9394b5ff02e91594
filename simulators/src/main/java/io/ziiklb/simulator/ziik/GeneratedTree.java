package io.ziiklb.simulator.ziik;

import java.util.List;

/**
 * The units {@link UnitTreeGenerator} made, as places people can be members of.
 *
 * @param upper countries and regions
 * @param sites the restaurants, each with its sections
 */
record GeneratedTree(Slot top, List<Slot> upper, List<Site> sites, int units, int departments, int maxLevel) {

    /** A place to be a member of: a unit, or a department (with its unit). */
    record Slot(int unitId, int departmentId, PlaceKind kind, GeneratorCatalogue.Country country) {
        Membership membership(List<Integer> roleIds) {
            return new Membership(unitId, departmentId, roleIds);
        }
    }

    /** A restaurant and its sections (kitchen, floor, bar, office, kitchen stations, delivery department). */
    record Site(Slot site, List<Slot> sections) {
    }
}
