package io.ziiklb.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.SweepStore;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUserSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list sweep's compare and the fingerprints it compares: what counts as a change, and what does not. */
class ListComparisonTest {
    private static final ZiikUserSummary ANN = new ZiikUserSummary(1, "Ann", "Berg", true, 10L);

    private static SweepStore.Seen seen(ZiikUserSummary row) {
        return new SweepStore.Seen(Fingerprints.listed(row), row.active(), 77L);
    }

    @Test
    void eachFieldOfTheRowChangesItsFingerprint_andTheSameFieldsGiveTheSameOne() {
        long ann = Fingerprints.listed(ANN);
        assertThat(Fingerprints.listed(new ZiikUserSummary(1, "Ann", "Berg", true, 10L))).isEqualTo(ann);
        assertThat(List.of(new ZiikUserSummary(1, "Anne", "Berg", true, 10L), new ZiikUserSummary(1, "Ann", "Borg", true, 10L),
                new ZiikUserSummary(1, "Ann", "Berg", false, 10L), new ZiikUserSummary(1, "Ann", "Berg", true, 11L),
                new ZiikUserSummary(1, "Ann", "Berg", true, null), new ZiikUserSummary(1, "AnnB", "erg", true, 10L)))
                .extracting(Fingerprints::listed).doesNotContain(ann).doesNotHaveDuplicates();
    }

    @Test
    void membershipsDifferByUnitDepartmentRolesAndOrder() {
        ZiikMembership kitchen = new ZiikMembership(10, "Kitchen", null, List.of(new ZiikRole(3, "Chef")));
        ZiikMembership bar = new ZiikMembership(11, "Bar", 12L, List.of());
        long both = Fingerprints.memberships(List.of(kitchen, bar));
        assertThat(Fingerprints.memberships(List.of(new ZiikMembership(10, "Kitchen renamed", null,
                List.of(new ZiikRole(3, "Chef renamed"))), bar))).as("names are not what the sweep compares").isEqualTo(both);
        assertThat(List.of(List.of(bar, kitchen), List.of(kitchen),
                        List.of(new ZiikMembership(10, "Kitchen", null, List.of(new ZiikRole(4, "Host"))), bar),
                        List.of(new ZiikMembership(10, "Kitchen", null, List.of(new ZiikRole(3, "C"), new ZiikRole(4, "H"))), bar),
                        List.of(kitchen, new ZiikMembership(11, "Bar", null, List.of())), List.<ZiikMembership>of()))
                .extracting(Fingerprints::memberships).doesNotContain(both).doesNotHaveDuplicates();
    }

    @Test
    void anUnchangedRowIsNoChange_aChangedOneIsAndKeepsItsMembershipsSeen() {
        ZiikUserSummary bo = new ZiikUserSummary(2, "Bo", "Lund", true, 10L);
        ZiikUserSummary boMoved = new ZiikUserSummary(2, "Bo", "Lund", true, 20L);
        ListComparison found = ListComparison.of(Map.of(1L, seen(ANN), 2L, seen(bo)), List.of(ANN, boMoved));
        assertThat(found.changed()).containsExactly(2L);
        assertThat(found.gone()).isEmpty();
        assertThat(found.save()).containsOnlyKeys(2L);
        assertThat(found.save().get(2L)).isEqualTo(new SweepStore.Seen(Fingerprints.listed(boMoved), true, 77L));
    }

    @Test
    void aNewRowIsAChange_aRowInNeitherListIsGone() {
        ZiikUserSummary cy = new ZiikUserSummary(3, "Cy", "Holm", false, 10L);
        ListComparison found = ListComparison.of(Map.of(1L, seen(ANN), 5L, seen(new ZiikUserSummary(5, "Di", "Gone", true, 10L))),
                List.of(ANN, cy));
        assertThat(found.changed()).containsExactly(3L);
        assertThat(found.gone()).containsExactly(5L);
        assertThat(found.toReconcile()).containsExactly(3L, 5L);
        assertThat(found.save().get(3L)).isEqualTo(new SweepStore.Seen(Fingerprints.listed(cy), false, null));
    }

    @Test
    void aRowTwiceInTheListsCountsOnce_byItsFirstRow() {
        ZiikUserSummary deactivated = new ZiikUserSummary(1, "Ann", "Berg", false, 10L);
        ListComparison found = ListComparison.of(Map.of(1L, seen(ANN)), List.of(ANN, deactivated));
        assertThat(found.changed()).isEmpty();
        assertThat(found.gone()).isEmpty();
    }
}
