package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void showsTheLinesRemovedAndAddedBetweenSharedOnes() {
        var diff = LineDiff.between(1, "a\nb\nc\nd", 2, "a\nx\nc\nd\ne");

        assertThat(diff.lines())
                .containsExactly(
                        new LineDiff.Line("same", "a"),
                        new LineDiff.Line("added", "x"),
                        new LineDiff.Line("removed", "b"),
                        new LineDiff.Line("same", "c"),
                        new LineDiff.Line("same", "d"),
                        new LineDiff.Line("added", "e"));
    }

    @Test
    void aHugeChangeIsShownWholeWithoutATableOfEveryPairOfLines() {
        var before = "title\n" + "a\n".repeat(25_000) + "end";
        var after = "title\n" + "b\n".repeat(25_000) + "end"; // 625 M cells: 2.5 GB with the full table

        var diff = LineDiff.between(1, before, 2, after);

        assertThat(diff.lines()).hasSize(50_002);
        assertThat(diff.lines().getFirst()).isEqualTo(new LineDiff.Line("same", "title"));
        assertThat(diff.lines().getLast()).isEqualTo(new LineDiff.Line("same", "end"));
        assertThat(diff.changes().stream().map(LineDiff.Line::op).distinct().toList())
                .isEqualTo(List.of("removed", "added"));
    }
}
