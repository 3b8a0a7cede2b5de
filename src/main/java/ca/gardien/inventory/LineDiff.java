package ca.gardien.inventory;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line difference between two texts (longest common subsequence). */
public record LineDiff(int from, int to, List<Line> lines) {

    /** {@code op} is {@code same}, {@code removed} or {@code added}. */
    public record Line(String op, String text) {}

    public static LineDiff between(int from, String before, int to, String after) {
        var a = before.split("\n", -1);
        var b = after.split("\n", -1);
        var common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        var lines = new ArrayList<Line>();
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
        return new LineDiff(from, to, lines);
    }

    public List<Line> changes() {
        return lines.stream().filter(l -> !l.op().equals("same")).toList();
    }
}
