package ca.gardien.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * An approved notice's text (one statement a line, {@code ##}/{@code ###} headings, {@code -} items) as blocks a page
 * renders as headings, paragraphs and lists. The text stays text: the page escapes it, no markup passes through.
 */
final class NoticeMarkup {

    /** A heading (level 2 or 3), a paragraph, or a list of items. */
    record Block(String kind, String text, List<String> items) {}

    private NoticeMarkup() {}

    static List<Block> blocks(String text) {
        var blocks = new ArrayList<Block>();
        List<String> items = null;
        var lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            if (line.startsWith("- ")) {
                if (items == null) {
                    items = new ArrayList<>();
                    blocks.add(new Block("list", null, items));
                }
                items.add(line.substring(2).strip());
                continue;
            }
            items = null;
            if (line.isEmpty() || (i == 0 && !line.startsWith("#"))) {
                continue; // the first line is the notice's title, which the page already shows
            }
            if (line.startsWith("### ")) {
                blocks.add(new Block("h3", line.substring(4).strip(), List.of()));
            } else if (line.startsWith("## ")) {
                blocks.add(new Block("h2", line.substring(3).strip(), List.of()));
            } else {
                blocks.add(new Block("p", line.replaceFirst("^#+\\s*", ""), List.of()));
            }
        }
        return blocks.stream()
                .map(b -> b.kind().equals("list") ? new Block("list", null, List.copyOf(b.items())) : b)
                .toList();
    }
}
