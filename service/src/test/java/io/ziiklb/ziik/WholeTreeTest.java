package io.ziiklb.ziik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class WholeTreeTest {
    private static final ZiikUnit TOP = new ZiikUnit(1, "HQ", null, 0, "unit", null);
    private static final ZiikUnit A = new ZiikUnit(2, "A", 1L, 1, "unit", null);
    private static final ZiikUnit B = new ZiikUnit(3, "B", 1L, 1, "unit", null);

    private int reads;

    private java.util.function.Supplier<WholeTree.Read> answers(WholeTree.Read... answers) {
        Deque<WholeTree.Read> queue = new ArrayDeque<>(List.of(answers));
        return () -> {
            reads++;
            return queue.removeFirst();
        };
    }

    @Test
    void aReadHoldingAsManyUnitsAsTheTotalIsTakenAtOnce() {
        assertThat(WholeTree.read(answers(new WholeTree.Read(List.of(TOP, A, B), 3)))).containsExactly(TOP, A, B);
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void aNestedTreeWithoutATotalIsTakenAsItIs() {
        assertThat(WholeTree.read(answers(new WholeTree.Read(List.of(A), -1)))).containsExactly(A);
    }

    @Test
    void aReadShortOfTheTotalIsReadAgain() {
        assertThat(WholeTree.read(answers(new WholeTree.Read(List.of(TOP, B), 3), new WholeTree.Read(List.of(TOP, A, B), 3))))
                .containsExactly(TOP, A, B);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void twoReadsFindingTheSameUnitsAreTakenWhateverTheTotalSays() {
        assertThat(WholeTree.read(answers(new WholeTree.Read(List.of(TOP, A), 5), new WholeTree.Read(List.of(A, TOP), 5))))
                .containsExactlyInAnyOrder(TOP, A);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aTreeThatKeepsChangingFailsAsUnavailableAfterFourReads() {
        assertThatThrownBy(() -> WholeTree.read(answers(new WholeTree.Read(List.of(TOP), 3), new WholeTree.Read(List.of(TOP, A), 3),
                new WholeTree.Read(List.of(TOP), 3), new WholeTree.Read(List.of(TOP, A), 3))))
                .isInstanceOf(ZiikUnavailableException.class).hasMessageContaining("changed while it was read");
        assertThat(reads).isEqualTo(WholeTree.ATTEMPTS);
    }
}
