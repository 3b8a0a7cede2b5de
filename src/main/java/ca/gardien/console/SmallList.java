package ca.gardien.console;

import ca.gardien.shared.Listing;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.ui.Model;

/**
 * The console's short lists (accounts, API tokens, connectors: tens of rows, read whole) searched, filtered, sorted and
 * paged by keyset in memory, with the same parameters, cursors and CSV as the long lists ({@link Listing}). Bad input
 * never fails: an unknown sort key falls back to the default, a malformed cursor starts from the first page.
 *
 * @param sorts the sort keys offered, each with the value a row sorts by (compared without letter case), the first the
 *     default
 * @param id a row's unique key (the second value of the keyset)
 * @param text what the search looks in
 */
record SmallList<T>(
        Map<String, Function<T, String>> sorts, Function<T, String> id, Function<T, String> text, String path) {

    /** Sort keys in the order offered, the first the default. */
    static <T> Map<String, Function<T, String>> sorts(
            String k1, Function<T, String> v1, String k2, Function<T, String> v2) {
        var sorts = new java.util.LinkedHashMap<String, Function<T, String>>();
        sorts.put(k1, v1);
        sorts.put(k2, v2);
        return java.util.Collections.unmodifiableMap(sorts);
    }

    static <T> Map<String, Function<T, String>> sorts(
            String k1, Function<T, String> v1, String k2, Function<T, String> v2, String k3, Function<T, String> v3) {
        var sorts = new java.util.LinkedHashMap<>(sorts(k1, v1, k2, v2));
        sorts.put(k3, v3);
        return java.util.Collections.unmodifiableMap(sorts);
    }

    /** The value when it is one of {@code allowed}, else null (no filter). */
    static String oneOf(List<String> allowed, String value) {
        return value != null && allowed.contains(value) ? value : null;
    }

    /** What the page asked for, parsed leniently. */
    record Query(String search, String sort, boolean ascending, List<String> after, int size) {}

    Query query(String q, String sort, String dir, String after, int size) {
        var chosen =
                Listing.sort(sort, sorts.keySet(), sorts.keySet().iterator().next());
        return new Query(
                Listing.search(q),
                chosen,
                dir == null || Listing.ascending(dir),
                Listing.keyset(after, 2).orElse(null),
                size);
    }

    /** One page of the rows kept by {@code filter} and the search, in the asked order, after the cursor. */
    Listing.Page<T> page(List<T> all, Predicate<T> filter, Query q) {
        var key = sorts.get(q.sort());
        Function<T, String> value =
                r -> key.apply(r) == null ? "" : key.apply(r).toLowerCase(Locale.ROOT);
        Comparator<T> order = Comparator.comparing(value).thenComparing(id);
        if (!q.ascending()) {
            order = order.reversed();
        }
        var needle = q.search() == null ? null : q.search().toLowerCase(Locale.ROOT);
        var rows = all.stream()
                .filter(filter)
                .filter(r ->
                        needle == null || text.apply(r).toLowerCase(Locale.ROOT).contains(needle))
                .filter(r -> q.after() == null || after(value.apply(r), id.apply(r), q))
                .sorted(order)
                .limit(q.size() + 1L)
                .toList();
        return Listing.Page.of(rows, q.size(), r -> List.of(value.apply(r), id.apply(r)));
    }

    private static boolean after(String value, String id, Query q) {
        int c = value.compareTo(q.after().get(0));
        if (c == 0) {
            c = id.compareTo(q.after().get(1));
        }
        return q.ascending() ? c > 0 : c < 0;
    }

    /** Puts the page and the query on the model for the shared list bar ({@code console/list-bar}). */
    void show(Model model, Listing.Page<T> page, Query q, boolean filtered) {
        model.addAttribute("rows", page.rows());
        model.addAttribute("next", page.next());
        model.addAttribute("q", q.search() == null ? "" : q.search());
        model.addAttribute("sort", q.sort());
        model.addAttribute("dir", q.ascending() ? "asc" : "desc");
        model.addAttribute("sorts", List.copyOf(sorts.keySet()));
        model.addAttribute("listPath", path);
        model.addAttribute("filtered", filtered || q.search() != null);
    }

    /** The one filter select of the bar: its parameter, title, the label prefix of its choices, and the chosen one. */
    static void choice(
            Model model, String name, String titleKey, String labelPrefix, List<String> choices, String chosen) {
        model.addAttribute("choiceName", name);
        model.addAttribute("choiceTitle", titleKey);
        model.addAttribute("choiceLabel", labelPrefix);
        model.addAttribute("choices", choices);
        model.addAttribute("choice", chosen);
    }

    /** Every row kept, as CSV lines, at most {@value RequestQueuePages#EXPORT_LIMIT}. */
    List<List<String>> lines(List<T> all, Predicate<T> filter, Query q, Function<T, List<String>> line) {
        return Listing.lines(
                cursor -> page(
                        all,
                        filter,
                        new Query(
                                q.search(),
                                q.sort(),
                                q.ascending(),
                                Listing.keyset(cursor, 2).orElse(null),
                                Listing.MAX_SIZE)),
                line,
                RequestQueuePages.EXPORT_LIMIT);
    }
}
