package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ziiklb.ziik.ZiikUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The walks over Ziik's unit tree that rules U2, U6 and P3 rest on. */
class UnitTreeTest {

    private static ZiikUnit unit(long id, Long parent) {
        return new ZiikUnit(id, "unit " + id, parent, 0, "unit", null);
    }

    @Test
    void U1_theTopIsTheUnitWithoutParentWhateverItsId() {
        UnitTree tree = new UnitTree(List.of(unit(2, 50L), unit(50, null), unit(3, 2L)));
        assertThat(tree.top().id()).isEqualTo(50);
        assertThat(tree.parentOf(50)).isNull();
        assertThat(tree.topDown()).extracting(ZiikUnit::id).containsExactly(50L, 2L, 3L);
    }

    @Test
    void U6_aUnitWithoutDepartmentPlacesItsMembersInItsNearestLinkedAncestorsDepartment() {
        // 1 top; 2 linked; 3 under 2 in a name conflict (no department); 4 under 3, not linked yet; 5 under the top, unlinked
        UnitTree tree = new UnitTree(List.of(unit(1, null), unit(2, 1L), unit(3, 2L), unit(4, 3L), unit(5, 1L)));
        java.util.Map<Long, String> links = java.util.Map.of(1L, "d-top-link", 2L, "d-2");
        java.util.function.LongFunction<java.util.Optional<String>> linked = u -> java.util.Optional.ofNullable(links.get(u));

        assertThat(tree.departmentFor(2, linked, "d-top")).isEqualTo("d-2");
        assertThat(tree.departmentFor(3, linked, "d-top")).isEqualTo("d-2");
        assertThat(tree.departmentFor(4, linked, "d-top")).isEqualTo("d-2");
        assertThat(tree.departmentFor(5, linked, "d-top")).as("the top department, whatever the top unit's link says").isEqualTo("d-top");
        assertThat(tree.departmentFor(1, linked, "d-top")).isEqualTo("d-top");
        assertThat(tree.departmentFor(99, linked, "d-top")).as("a unit not in the tree").isEqualTo("d-top");
    }

    @Test
    void U1_aTreeWithoutTopIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UnitTree(List.of(unit(2, 3L), unit(3, 2L))))
                .withMessage("Ziik's unit tree has no top unit");
    }

    @Test
    void U2_siblingsComeInIdOrderWhateverZiiksOrder() {
        UnitTree tree = new UnitTree(List.of(unit(1, null), unit(9, 1L), unit(4, 9L), unit(3, 1L), unit(7, 9L)));
        assertThat(tree.topDown()).extracting(ZiikUnit::id).containsExactly(1L, 3L, 9L, 4L, 7L);
    }

    @Test
    void U2_aUnitWhoseParentIsUnknownOrItselfHangsUnderTheTop() {
        UnitTree tree = new UnitTree(List.of(unit(1, null), unit(2, 99L), unit(3, 3L), unit(4, 2L)));
        assertThat(tree.parentOf(2)).isEqualTo(1L);
        assertThat(tree.parentOf(3)).isEqualTo(1L);
        assertThat(tree.parentOf(4)).isEqualTo(2L);
        assertThat(tree.parentOf(99)).isNull(); // not in the tree
        assertThat(tree.ancestors(4)).containsExactly(2L, 1L);
        assertThat(tree.ancestors(1)).isEmpty();
        assertThat(tree.topDown()).extracting(ZiikUnit::id).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void P3_nearestIsTheUnitItselfOrItsNearestWantedAncestorElseTheTop() {
        UnitTree tree = new UnitTree(List.of(unit(10, null), unit(2, 10L), unit(3, 2L), unit(4, 3L)));
        assertThat(tree.nearest(4, Set.of(4L, 2L)::contains)).isEqualTo(4);
        assertThat(tree.nearest(4, Set.of(2L)::contains)).isEqualTo(2);
        assertThat(tree.nearest(4, Set.of()::contains)).isEqualTo(10);
        // a unit not in the tree counts only as itself
        assertThat(tree.nearest(77, Set.of(77L)::contains)).isEqualTo(77);
        assertThat(tree.nearest(77, Set.of(2L)::contains)).isEqualTo(10);
    }

    @Test
    void P3_unitsOnAParentCycleEndAtTheTop() {
        // corrupt data: 2 and 3 are each other's parent; the walks still end
        UnitTree tree = new UnitTree(List.of(unit(1, null), unit(2, 3L), unit(3, 2L)));
        assertThat(tree.nearest(2, Set.of(1L)::contains)).isEqualTo(1);
        assertThat(tree.nearest(2, Set.of(3L)::contains)).isEqualTo(3);
        assertThat(tree.ancestors(2)).containsOnly(2L, 3L);
        assertThat(tree.topDown()).extracting(ZiikUnit::id).containsExactly(1L); // never mirrored
    }
}
