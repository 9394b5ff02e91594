package io.ziiklb.simulator.ziik;

/**
 * Whether a user sees a quicklink, by its visibility (the project's reading; Ziik documents only
 * the fields): empty lists mean everybody; otherwise each kind that is given must match one of the
 * user's memberships: a listed role held there, a listed unit (or department) the membership is in,
 * or a {@code units_falldown} unit that is that unit or one above it.
 */
final class QuicklinkAudience {
    private QuicklinkAudience() {
    }

    static boolean sees(OrgState state, UserRow user, Quicklink quicklink) {
        Quicklink.Visibility v = quicklink.visibility();
        if (v.isEverybody()) {
            return true;
        }
        boolean roleMatches = v.userTypes().isEmpty()
                || user.memberships().stream().anyMatch(m -> m.roleIds().stream().anyMatch(v.userTypes()::contains));
        boolean placeMatches = v.units().isEmpty() && v.unitsFalldown().isEmpty()
                || user.memberships().stream().anyMatch(m -> inPlace(state, v, m.unitId()) || inPlace(state, v, m.departmentId()));
        return roleMatches && placeMatches;
    }

    private static boolean inPlace(OrgState state, Quicklink.Visibility v, int unitId) {
        return unitId != 0 && (v.units().contains(unitId)
                || v.unitsFalldown().stream().anyMatch(top -> state.isAncestorOrSelf(top, unitId)));
    }
}
