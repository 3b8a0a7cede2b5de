package ca.gardien.inventory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;

/**
 * The data-flow picture drawn by Gardien itself: data-subject categories, then systems, then third parties, with the
 * flows that leave Québec in red and dashed. Plain SVG, no script, no external resource.
 */
final class DataFlowPicture {

    private static final int ROW = 44;
    private static final int BOX_W = 260;
    private static final int BOX_H = 30;
    private static final int[] COLUMN_X = {20, 380, 740};

    private DataFlowPicture() {}

    static String svg(DataMap map, Locale locale, MessageSource messages) {
        var columns = List.of(
                new LinkedHashMap<String, Node>(),
                new LinkedHashMap<String, Node>(),
                new LinkedHashMap<String, Node>());
        map.subjectCategories()
                .forEach(s -> add(columns.get(0), "s:" + s.id(), s.name().in(locale), false));
        map.systems().forEach(s -> add(columns.get(1), "y:" + s.id(), s.name(), outside(s.jurisdiction())));
        Set<String> transferred = new LinkedHashSet<>();
        map.transfers().forEach(t -> transferred.add(t.recipient()));
        map.thirdParties()
                .forEach(t -> add(
                        columns.get(2),
                        "t:" + t.id(),
                        t.name(),
                        outside(t.jurisdiction()) || transferred.contains(t.id())));
        var edges = new LinkedHashSet<List<String>>();
        for (var a : map.processingActivities()) {
            var middle = a.systems().stream().map(id -> "y:" + id).toList();
            for (var s : a.subjects()) {
                (middle.isEmpty() ? a.recipients().stream().map(id -> "t:" + id).toList() : middle)
                        .forEach(m -> edges.add(List.of("s:" + s, m)));
            }
            for (var r : a.recipients()) {
                middle.forEach(m -> edges.add(List.of(m, "t:" + r)));
            }
        }
        int rows = columns.stream().mapToInt(Map::size).max().orElse(0);
        int height = Math.max(1, rows) * ROW + 60;
        var out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1020\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 1020 ")
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        var titles = List.of("subjects", "systems", "parties").stream()
                .map(column -> messages.getMessage("picture." + column, null, locale))
                .toList();
        var all = new LinkedHashMap<String, Node>();
        for (int c = 0; c < 3; c++) {
            out.append(text(COLUMN_X[c], 20, titles.get(c), "bold"));
            int row = 0;
            for (var node : columns.get(c).values()) {
                node.x = COLUMN_X[c];
                node.y = 40 + row++ * ROW;
                all.put(node.key, node);
            }
        }
        for (var e : edges) {
            var from = all.get(e.get(0));
            var to = all.get(e.get(1));
            if (from == null || to == null) continue;
            boolean leaves = to.outside;
            out.append("  <line x1=\"")
                    .append(from.x + BOX_W)
                    .append("\" y1=\"")
                    .append(from.y + BOX_H / 2)
                    .append("\" x2=\"")
                    .append(to.x)
                    .append("\" y2=\"")
                    .append(to.y + BOX_H / 2)
                    .append(
                            leaves
                                    ? "\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n"
                                    : "\" stroke=\"#90a4ae\" stroke-width=\"1\"/>\n");
        }
        for (var node : all.values()) {
            out.append("  <rect x=\"")
                    .append(node.x)
                    .append("\" y=\"")
                    .append(node.y)
                    .append("\" width=\"")
                    .append(BOX_W)
                    .append("\" height=\"")
                    .append(BOX_H)
                    .append("\" rx=\"4\" fill=\"")
                    .append(node.outside ? "#ffebee" : "#e3f2fd")
                    .append("\" stroke=\"")
                    .append(node.outside ? "#c62828" : "#1565c0")
                    .append("\"/>\n");
            out.append(text(node.x + 8, node.y + 19, node.label, "normal"));
        }
        return out.append("</svg>\n").toString();
    }

    private static boolean outside(String jurisdiction) {
        return jurisdiction != null && !DataMapRules.QUEBEC.equals(jurisdiction);
    }

    private static void add(Map<String, Node> column, String key, String label, boolean outside) {
        column.put(key, new Node(key, label, outside));
    }

    private static String text(int x, int y, String value, String weight) {
        var shown = value.length() > 40 ? value.substring(0, 39) + "…" : value;
        return "  <text x=\"" + x + "\" y=\"" + y + "\" font-weight=\"" + weight + "\"><title>" + escape(value)
                + "</title>" + escape(shown) + "</text>\n";
    }

    static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static final class Node {
        final String key;
        final String label;
        final boolean outside;
        int x;
        int y;

        Node(String key, String label, boolean outside) {
            this.key = key;
            this.label = label;
            this.outside = outside;
        }
    }
}
