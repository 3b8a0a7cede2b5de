package ca.gardien.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * A section's text as a page shows it: blocks separated by blank lines, each a list (every line starts with
 * {@code - }) or a paragraph whose lines stay lines (an address block). Text only: the page escapes it.
 */
public final class PolicyBlocks {

    /** {@code list} or {@code p}, and its lines (list items without their dash). */
    public record Block(String kind, List<String> lines) {}

    private PolicyBlocks() {}

    public static List<Block> of(String text) {
        var blocks = new ArrayList<Block>();
        if (text == null) {
            return blocks;
        }
        for (var chunk : text.split("\n\\s*\n")) {
            var lines = chunk.strip().lines().map(String::strip).toList();
            if (lines.isEmpty()) {
                continue;
            }
            if (lines.stream().allMatch(l -> l.startsWith("- "))) {
                blocks.add(new Block(
                        "list", lines.stream().map(l -> l.substring(2)).toList()));
            } else {
                blocks.add(new Block("p", lines));
            }
        }
        return List.copyOf(blocks);
    }
}
