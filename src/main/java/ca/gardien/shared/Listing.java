package ca.gardien.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one helper of every console list: keyset cursors, an allow-listed sort key, bounded page sizes, lenient filter
 * parsing and CSV (RFC 4180 quoting, spreadsheet formulas neutralized). Bad input never fails a list: an unknown sort
 * key falls back to the default, a malformed cursor starts from the first page, an unreadable date is ignored ({@link DateRange#day}).
 */
public final class Listing {

    /** Rows per page unless the caller asks for fewer (never more than {@link #MAX_SIZE}). */
    public static final int PAGE_SIZE = 50;

    public static final int MAX_SIZE = 200;

    private static final char SEPARATOR = '\u001f';

    private Listing() {}

    /** One page of rows and the cursor of the next page (null on the last page). */
    public record Page<T>(List<T> rows, String next) {

        /**
         * Builds a page from {@code size + 1} fetched rows: the extra row only says there is a next page, whose cursor
         * is the keyset of the last row shown.
         */
        public static <T> Page<T> of(List<T> fetched, int size, Function<T, List<String>> keyset) {
            if (fetched.size() <= size) {
                return new Page<>(List.copyOf(fetched), null);
            }
            var shown = List.copyOf(fetched.subList(0, size));
            return new Page<>(shown, cursor(keyset.apply(shown.getLast())));
        }
    }

    /** The sort key asked for when it is one of {@code allowed}, else {@code fallback}. */
    public static String sort(String asked, Set<String> allowed, String fallback) {
        return asked != null && allowed.contains(asked) ? asked : fallback;
    }

    /** True only for {@code asc}; anything else is descending. */
    public static boolean ascending(String direction) {
        return "asc".equals(direction);
    }

    public static int size(Integer asked) {
        return asked == null || asked < 1 ? PAGE_SIZE : Math.min(asked, MAX_SIZE);
    }

    /** An opaque cursor holding the keyset values of the last row of a page. */
    public static String cursor(List<String> values) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The keyset values of a cursor, when it decodes to exactly {@code arity} values; empty for a missing or malformed
     * cursor (the list then starts from its first page).
     */
    public static Optional<List<String>> keyset(String cursor, int arity) {
        if (cursor == null || cursor.isBlank() || cursor.length() > 600) {
            return Optional.empty();
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var values = List.of(text.split(String.valueOf(SEPARATOR), -1));
            return values.size() == arity ? Optional.of(values) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The sequence number held by a one-value cursor (lists ordered by a sequence), or null when absent or malformed. */
    public static Long sequence(String cursor) {
        return keyset(cursor, 1)
                .filter(k -> k.getFirst().matches("\\d{1,18}"))
                .map(k -> Long.valueOf(k.getFirst()))
                .orElse(null);
    }

    /**
     * The lines of every page, following the cursors from the first page, at most {@code limit} lines (an export).
     *
     * @param pageAfter the page after a cursor (null: the first page)
     */
    public static <T> List<List<String>> lines(
            Function<String, Page<T>> pageAfter, Function<T, List<String>> line, int limit) {
        var lines = new ArrayList<List<String>>();
        String cursor = null;
        do {
            var page = pageAfter.apply(cursor);
            page.rows().forEach(r -> lines.add(line.apply(r)));
            cursor = page.next();
        } while (cursor != null && lines.size() < limit);
        return lines;
    }

    /** A search text: stripped, at most 100 characters, null when blank. */
    public static String search(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var stripped = text.strip();
        return stripped.length() > 100 ? stripped.substring(0, 100) : stripped;
    }

    /** A search text as a SQL {@code LIKE} pattern matching it anywhere, with wildcards in the text escaped. */
    public static String contains(String search) {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A formula sign at the start of what a spreadsheet splitting on semicolons would read as a cell. */
    private static final java.util.regex.Pattern AFTER_SEMICOLON =
            java.util.regex.Pattern.compile(";([\\s\\p{Zs}\\p{Cf}]*)([=+\\-@\uFF1D\uFF0B\uFF0D\uFF20])");

    /**
     * RFC 4180 quoting; a leading formula character is neutralized so that a spreadsheet shows it as text, and so is one
     * after a semicolon (where French Excel starts a cell); a value holding a semicolon is quoted.
     */
    public static String quote(String value) {
        var v = value == null ? "" : value;
        if (formulaLike(v)) {
            v = "'" + v;
        }
        // a spreadsheet set to split on semicolons (French Excel) starts a cell after each one: guard those cells too
        v = AFTER_SEMICOLON.matcher(v).replaceAll(";'$1$2");
        return v.matches("(?s).*[\",;\r\n'].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /**
     * Whether a spreadsheet could read the value as a formula: its first character that is not blank or invisible is one of
     * {@code = + - @} or their full-width forms (spreadsheets skip leading spaces and fold full-width signs), or it
     * starts with a tab or a carriage return.
     */
    static boolean formulaLike(String v) {
        if (v.isEmpty()) {
            return false;
        }
        if (v.charAt(0) == '\t' || v.charAt(0) == '\r') {
            return true;
        }
        int i = 0;
        while (i < v.length() && invisible(v.charAt(i))) {
            i++;
        }
        return i < v.length() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(v.charAt(i)) >= 0;
    }

    /** Blank or invisible to a reader: spaces of every kind (no-break included) and format characters (U+200B). */
    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** A CSV document: the header and the rows, each field quoted, lines ended by CRLF. */
    public static String csv(List<String> header, List<List<String>> rows) {
        var lines = new ArrayList<String>();
        lines.add(line(header));
        rows.forEach(r -> lines.add(line(r)));
        return String.join("\r\n", lines) + "\r\n";
    }

    public static String line(List<String> fields) {
        return String.join(",", fields.stream().map(Listing::quote).toList());
    }
}
