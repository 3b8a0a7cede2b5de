package ca.gardien.requests;

import static ca.gardien.requests.LetterText.e;

import java.util.List;
import java.util.Map;

/**
 * The information found, in an answer letter: one table per system (category, field, value), bounded so that a letter
 * stays a letter — the package's data file holds everything whole.
 */
final class LetterFindings {

    /**
     * The longest value a letter prints whole: a longer one (a database cell of a megabyte) is printed up to there with
     * a note that the package's data files hold it whole; laying out a long unbroken value took the PDF renderer minutes
     * (attacker's review), holding a request thread and the person's download.
     */
    static final int VALUE_SHOWN = 1_000;

    /**
     * The most lines of what was found a letter prints: 16,000 lines made a letter of 1,144 pages, laid out again at
     * each download (attacker's review). The letter says how many it shows of how many.
     */
    static final int LINES_SHOWN = 2_000;

    private LetterFindings() {}

    /**
     * Appends the tables of what was found, each system and category by its name, up to {@link #LINES_SHOWN} lines;
     * returns how many lines were found in all.
     */
    static long tables(
            StringBuilder html,
            Map<String, List<TaskResult.FoundRecord>> found,
            Map<String, String> systems,
            Map<String, String> categories,
            List<String> head,
            String cut) {
        int[] left = {LINES_SHOWN};
        found.forEach((system, records) ->
                table(html, systems.getOrDefault(system, system), head, records, categories, cut, left));
        return found.values().stream()
                .flatMap(List::stream)
                .mapToLong(r -> r.fields().size())
                .sum();
    }

    private static void table(
            StringBuilder html,
            String system,
            List<String> head,
            List<TaskResult.FoundRecord> records,
            Map<String, String> categories,
            String cut,
            int[] left) {
        if (left[0] <= 0) {
            return;
        }
        // fixed widths: a long value wraps in its column instead of squeezing the others (officer review)
        html.append("<h3>")
                .append(e(system))
                .append("</h3><table><colgroup><col width=\"24%\"/>")
                .append("<col width=\"24%\"/><col width=\"52%\"/></colgroup><thead><tr>");
        head.forEach(h -> html.append("<th scope=\"col\">").append(h).append("</th>"));
        html.append("</tr></thead><tbody>");
        records.forEach(r -> r.fields().forEach((field, value) -> {
            if (left[0]-- > 0) {
                html.append("<tr><td>")
                        .append(e(categories.getOrDefault(r.category(), r.category())))
                        .append("</td><td>")
                        .append(e(field))
                        .append("</td><td>")
                        .append(shown(value, cut))
                        .append("</td></tr>");
            }
        }));
        html.append("</tbody></table>");
    }

    private static String shown(String value, String cut) {
        if (value == null || value.length() <= VALUE_SHOWN) {
            return e(value);
        }
        int end = Character.isHighSurrogate(value.charAt(VALUE_SHOWN - 1)) ? VALUE_SHOWN - 1 : VALUE_SHOWN;
        return e(value.substring(0, end)) + "… <em>" + cut + "</em>";
    }
}
