package io.ziiklb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.OrganisationView;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each kind of change, made in the Ziik simulator's organisation, is named by what it did. */
class ChangeKindsTest {
    private final ZiikSimulator sim = ZiikSimulator.start(ZiikSimulator.Config.defaults());
    private final ZiikOrganisation org = sim.organisation();
    private final ChangeKinds kinds = new ChangeKinds();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void namesEachChangeByWhatItDid() {
        int kitchen = change(() -> org.createUnit("Kitchen", org.topUnitId()), "unit created");
        int bar = org.createUnit("Bar", org.topUnitId());
        change(() -> org.renameUnit(kitchen, "Galley"), "unit renamed");
        change(() -> org.moveUnit(kitchen, bar), "unit moved");
        int chef = change(() -> org.createRole("Chef"), "role created");
        change(() -> org.renameRole(chef, "Head Chef"), "role renamed");
        int ann = change(() -> org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(kitchen))), "user created");
        change(() -> org.addMembership(ann, Membership.of(bar)), "user memberships changed");
        change(() -> org.deactivateUser(ann), "user deactivated");
        change(() -> org.reactivateUser(ann), "user reactivated");
        change(() -> org.reactivateUser(ann), ChangeKinds.NO_EFFECT); // already active
        int store = org.createUnit("Store", org.topUnitId());
        org.addMembership(ann, Membership.of(store));
        change(() -> { // as the generator deletes a unit: its members moved out first, in the same change
            org.removeMembership(ann, 2);
            org.deleteUnit(store);
        }, "unit deleted");
        change(() -> org.deleteRole(chef), "role deleted");
        change(() -> org.deleteUser(ann), "user deleted");

        assertThat(kinds.total()).isEqualTo(13);
        assertThat(kinds.counts()).containsEntry("unit created", 1).containsEntry(ChangeKinds.NO_EFFECT, 1);
    }

    @Test
    void countsEachKind() {
        change(() -> org.createUnit("Kitchen", org.topUnitId()), "unit created");
        change(() -> org.createUnit("Bar", org.topUnitId()), "unit created");

        assertThat(kinds.counts()).isEqualTo(Map.of("unit created", 2));
    }

    private int change(java.util.function.IntSupplier change, String expected) {
        OrganisationView before = org.view();
        int result = change.getAsInt();
        assertThat(ChangeKinds.kind(before, org.view())).isEqualTo(expected);
        kinds.count(before, org.view());
        return result;
    }

    private void change(Runnable change, String expected) {
        change(() -> {
            change.run();
            return 0;
        }, expected);
    }
}
