package ca.gardien.shared;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The human references a person is given and staff quote ("R-2026-00042"): a letter for the kind of file, the year it
 * was received and a number from a database sequence, so that nodes sharing one database never hand out the same one
 * and none waits for another. Numbers keep counting across years; a rolled-back intake leaves a gap, as any sequence.
 */
@Component
public class References {

    /** A reference as staff may type it, its number without the leading zeros ("R-2026-42"). */
    private static final Pattern TYPED = Pattern.compile("([A-Z])-(\\d{4})-(\\d{1,18})");

    /** A reference in its one written form inside a text (a message's subject, a hint's examples). */
    private static final Pattern WRITTEN = Pattern.compile("\\b[A-Z]-\\d{4}-\\d{5,18}\\b");

    /** One part of a text: a reference in its written form, or the text between two. */
    public record Part(String text, boolean reference) {}

    /**
     * A text in parts, its references apart, so that a page can keep each reference on one line; the parts joined are
     * the text. Empty for null or empty text.
     */
    public static java.util.List<Part> inText(String text) {
        var parts = new java.util.ArrayList<Part>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        var matcher = WRITTEN.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new Part(text.substring(at, matcher.start()), false));
            }
            parts.add(new Part(matcher.group(), true));
            at = matcher.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;

    References(JdbcTemplate jdbc, DatabaseProduct database) {
        this.database = database;
        this.jdbc = jdbc;
    }

    /**
     * The next reference of a kind of file.
     *
     * @param letter the kind's letter ("R" for rights requests, "C" for complaints)
     * @param sequence the database sequence of that kind (created by its module's migration)
     * @param year the year the file was received, in the organization's time
     */
    public String next(String letter, String sequence, int year) {
        var sql = database.postgres() ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        Long number = jdbc.queryForObject(sql, Long.class);
        return format(letter, year, number);
    }

    /**
     * The references of these ids in a module's table (its {@code id} and {@code reference} columns), by id; ids
     * that name nothing are left out. One query.
     *
     * @param table the module's own table, a constant of its code (never input)
     */
    public static java.util.Map<java.util.UUID, String> of(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            String table,
            java.util.Collection<java.util.UUID> ids) {
        return RowsById.of(jdbc, "SELECT id, reference FROM " + table, ids, (rs, n) -> rs.getString("reference"));
    }

    /** A reference in its one written form. */
    public static String format(String letter, int year, long number) {
        return String.format(Locale.ROOT, "%s-%04d-%05d", letter, year, number);
    }

    /**
     * A reference typed by staff as it is stored (upper case, spaces trimmed, the number padded: "r-2026-42" is
     * "R-2026-00042"), or null when it is not one.
     */
    public static String parse(String typed) {
        if (typed == null) {
            return null;
        }
        var matcher = TYPED.matcher(typed.strip().toUpperCase(Locale.ROOT));
        return matcher.matches()
                ? format(matcher.group(1), Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3)))
                : null;
    }
}
