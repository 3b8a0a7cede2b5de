package ca.gardien.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line-by-line difference between two texts: the lines both share at the start and at the end, and between them the
 * longest common subsequence. That table grows with the product of the two middles' line counts, so past
 * {@link #MAX_CELLS} the middle is shown as removed then added, whole (the attacker's review of 2026-12-04: a 25,000-line
 * section asked a 2.5 GB table of any reader of the diff).
 */
public record LineDiff(int from, int to, List<Line> lines) {

    /** At most this many cells (4 bytes each) in the common-subsequence table: 16 MB. */
    static final long MAX_CELLS = 4_000_000;

    /** {@code op} is {@code same}, {@code removed} or {@code added}. */
    public record Line(String op, String text) {

        /** What the line is in the notice: a heading ({@code h2}, {@code h3}), an item of a list, or a paragraph. */
        public String kind() {
            return text.startsWith("### ")
                    ? "h3"
                    : text.startsWith("## ") ? "h2" : text.startsWith("- ") ? "item" : "p";
        }

        /** The line as a reader sees it on the notice: without the text's heading and list marks. */
        public String shown() {
            return switch (kind()) {
                case "h3" -> text.substring(4);
                case "h2" -> text.substring(3);
                case "item" -> "• " + text.substring(2);
                default -> text;
            };
        }
    }

    /** Whether the two texts are the same: no line removed or added. */
    public boolean unchanged() {
        return lines.stream().allMatch(l -> l.op().equals("same"));
    }

    public static LineDiff between(int from, String before, int to, String after) {
        var a = before.split("\n", -1);
        var b = after.split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        var lines = new ArrayList<Line>();
        for (int k = 0; k < start; k++) {
            lines.add(new Line("same", a[k]));
        }
        var midA = Arrays.copyOfRange(a, start, endA);
        var midB = Arrays.copyOfRange(b, start, endB);
        if ((long) (midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
            Arrays.stream(midA).forEach(l -> lines.add(new Line("removed", l)));
            Arrays.stream(midB).forEach(l -> lines.add(new Line("added", l)));
        } else {
            middle(midA, midB, lines);
        }
        for (int k = endA; k < a.length; k++) {
            lines.add(new Line("same", a[k]));
        }
        return new LineDiff(from, to, lines);
    }

    private static void middle(String[] a, String[] b, List<Line> lines) {
        var common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line("same", a[i++]));
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new Line("added", b[j++]));
            } else {
                lines.add(new Line("removed", a[i++]));
            }
        }
    }

    public List<Line> changes() {
        return lines.stream().filter(l -> !l.op().equals("same")).toList();
    }
}
