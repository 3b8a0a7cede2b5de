package ca.gardien.connectors;

import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Counts and finds the persons of one table of a database connector, for a confidentiality incident: how many distinct
 * addresses the table holds, and which ones fall in a time window (a date or timestamp column) or a list of keys. Reads
 * only the address column (and a language column when named); table and columns must be in the connector's schema, and
 * every name is quoted as the schema says. Nothing is kept here: the caller decides what to store.
 */
@Service
public class PersonCensus {

    /** The most persons one census returns. */
    public static final int MAX_PERSONS = 100_000;

    private final ConnectorCatalog catalog;
    private final SecretBox box;

    PersonCensus(ConnectorCatalog catalog, SecretBox box) {
        this.catalog = catalog;
        this.box = box;
    }

    /**
     * Which rows of which table: {@code emailColumn} holds the persons' addresses; either {@code timeColumn} with
     * {@code from} (inclusive) and {@code to} (exclusive), or {@code keyColumn} with {@code keys}; {@code
     * languageColumn} is optional.
     */
    public record Query(
            String connector,
            String table,
            String emailColumn,
            String languageColumn,
            String timeColumn,
            Instant from,
            Instant to,
            String keyColumn,
            List<String> keys) {}

    /** A person found: the address sealed with the connectors key (open it with {@link #open}), the language read. */
    public record Person(String sealedEmail, String language) {
        @Override
        public String toString() {
            return "Person[" + language + "]";
        }
    }

    /** {@code inTable}: distinct addresses in the whole table; {@code persons}: those in the window or keys. */
    public record Result(long inTable, List<Person> persons) {}

    /** The address of a person found. */
    public String open(String sealedEmail) {
        return box.open(sealedEmail);
    }

    public Result count(Query q, Actor actor) {
        if (!(catalog.admitted(q.connector(), actor) instanceof JdbcConnector jdbc)) {
            throw new InvalidInputException("connector", "connectors.field.not-database");
        }
        var schema = catalog.schema(q.connector(), false);
        var errors = new ArrayList<FieldError>();
        var table = schema.table(q.table() == null ? "" : q.table()).orElse(null);
        if (table == null) {
            throw new InvalidInputException("table", "connectors.field.census-table");
        }
        var email = column(table, "emailColumn", q.emailColumn(), true, errors);
        if (email != null && !email.character()) {
            errors.add(FieldError.of("emailColumn", "connectors.field.census-email-column"));
        }
        var language = column(table, "languageColumn", q.languageColumn(), false, errors);
        var time = column(table, "timeColumn", q.timeColumn(), false, errors);
        var key = column(table, "keyColumn", q.keyColumn(), false, errors);
        boolean window =
                time != null && q.from() != null && q.to() != null && q.from().isBefore(q.to());
        boolean keyed = key != null
                && q.keys() != null
                && !q.keys().isEmpty()
                && q.keys().size() <= 10_000;
        if (time != null
                && !List.of(Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE)
                        .contains(time.sqlType())) {
            errors.add(FieldError.of("timeColumn", "connectors.field.census-time-column"));
        }
        // Java reads years up to ±999,999,999, which the driver's timestamps overflow: bounded like every date input
        boolean outOfRange = false;
        for (var bound : new Object[][] {{"from", q.from()}, {"to", q.to()}}) {
            if (bound[1] != null && !ca.gardien.shared.DateRange.contains((Instant) bound[1])) {
                errors.add(ca.gardien.shared.DateRange.outside((String) bound[0]));
                outOfRange = true;
            }
        }
        if (window == keyed && !outOfRange) {
            errors.add(FieldError.of(time != null ? "from" : "keys", "connectors.field.census-window"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var quote = schema.quote() == null ? "\"" : schema.quote();
        var from = " FROM " + name(quote, table.name()) + " WHERE " + q(quote, email) + " IS NOT NULL";
        var where = window
                ? " AND " + q(quote, time) + " >= ? AND " + q(quote, time) + " < ?"
                : " AND " + q(quote, key) + " IN (" + "?,".repeat(q.keys().size() - 1) + "?)";
        var select = "SELECT " + q(quote, email) + (language == null ? "" : ", " + q(quote, language));
        try (var connection = jdbc.dataSource().getConnection()) {
            // read-only for real: PostgreSQL's driver applies it only to a transaction, not to autocommit statements
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                var count = "SELECT COUNT(DISTINCT LOWER(" + q(quote, email) + "))" + from;
                return census(connection, count, select + from + where, language != null, window, q, key);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new TargetUnavailableException(e);
        }
    }

    private Result census(
            java.sql.Connection connection,
            String count,
            String select,
            boolean withLanguage,
            boolean window,
            Query q,
            DatabaseSchema.Column key)
            throws SQLException {
        {
            long inTable;
            try (var s = connection.prepareStatement(count);
                    var rs = s.executeQuery()) {
                rs.next();
                inTable = rs.getLong(1);
            }
            var found = new LinkedHashMap<String, String>();
            // the limit is on distinct addresses, not rows: a table with a row per event repeats its persons
            try (var s = connection.prepareStatement(select)) {
                s.setFetchSize(1_000);
                bind(s, window, q, key);
                try (var rs = s.executeQuery()) {
                    while (found.size() <= MAX_PERSONS && rs.next()) {
                        // only email addresses: a column of anything else gives nothing to mail, and nothing to read
                        var address = ca.gardien.shared.SubjectIdentifier.normalizedEmail(rs.getString(1));
                        if (address == null) {
                            continue;
                        }
                        var lang = withLanguage ? rs.getString(2) : null;
                        found.putIfAbsent(
                                address,
                                lang == null
                                        ? null
                                        : Language.of(Locale.forLanguageTag(lang.strip()))
                                                .code());
                    }
                }
            }
            if (found.size() > MAX_PERSONS) {
                throw new InvalidInputException("from", "connectors.field.census-too-many", MAX_PERSONS);
            }
            var persons = new ArrayList<Person>(found.size());
            found.forEach((address, lang) -> persons.add(new Person(box.seal(address), lang)));
            return new Result(inTable, persons);
        }
    }

    private static void bind(PreparedStatement s, boolean window, Query q, DatabaseSchema.Column key)
            throws SQLException {
        if (window) {
            s.setTimestamp(1, Timestamp.from(q.from()));
            s.setTimestamp(2, Timestamp.from(q.to()));
            return;
        }
        for (int i = 0; i < q.keys().size(); i++) {
            var value = q.keys().get(i);
            if (key.character()) {
                s.setString(i + 1, value);
            } else {
                try {
                    s.setLong(i + 1, Long.parseLong(value.strip()));
                } catch (NumberFormatException | NullPointerException e) {
                    throw new InvalidInputException("keys[" + i + "]", "connectors.field.census-key");
                }
            }
        }
    }

    private static DatabaseSchema.Column column(
            DatabaseSchema.Table table, String field, String name, boolean required, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "connectors.field.census-column"));
            }
            return null;
        }
        var column = table.column(name).orElse(null);
        if (column == null) {
            errors.add(FieldError.of(field, "connectors.field.census-column"));
        }
        return column;
    }

    private static String q(String quote, DatabaseSchema.Column column) {
        return name(quote, column.name());
    }

    /** A name from the database's metadata, quoted, its own quote characters doubled (a name may hold any). */
    private static String name(String quote, String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }
}
