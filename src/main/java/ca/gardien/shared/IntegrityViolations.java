package ca.gardien.shared;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The one reading of an integrity violation the database reported, for every edge alike (the API's problems: {@link
 * ApiProblems}; the console's and the portal's pages: {@link ErrorPages}, {@link FormSteps}, {@link ContainerErrors}):
 *
 * <ul>
 *   <li>a unique key another write took first ({@link Kind#DUPLICATE_KEY}: Spring's {@link DuplicateKeyException}, as
 *       it translates it on H2, PostgreSQL and MariaDB, or SQLState {@code 23505}, MariaDB's 1062): a 409, it already
 *       exists;
 *   <li>a foreign key ({@link Kind#FOREIGN_KEY}: SQLState {@code 23503} on PostgreSQL, {@code 23506} (the row referred
 *       to missing) and {@code 23503} (a row still referring) on H2, MariaDB's 1452 and 1451, and the older 1216 and
 *       1217): the row a step checked was removed, or another came to refer to it, between the check and the write — a
 *       409, the item it refers to changed or was removed meanwhile;
 *   <li>any other ({@link Kind#OTHER}: a value too long, missing, refused by a check constraint): a bug, since every
 *       input is checked before it is written — logged as an error with its SQLState and vendor code, never its message
 *       (which may quote the values), and answered as a generic 500 that says nothing of the SQL.
 * </ul>
 *
 * Checked on H2, PostgreSQL and MariaDB ({@code IntegrityViolationsTest}).
 */
public final class IntegrityViolations {

    private static final Logger log = LoggerFactory.getLogger(IntegrityViolations.class);

    /** What an integrity violation says of the step that met it. */
    public enum Kind {
        /** A unique key another write took first. */
        DUPLICATE_KEY,
        /** What the step refers to was removed, or another row came to refer to it, meanwhile. */
        FOREIGN_KEY,
        /** A bug: an input that should have been refused before it was written. */
        OTHER;

        /** Whether someone else's write explains it (a 409), rather than a bug (a 500). */
        public boolean meanwhile() {
            return this != OTHER;
        }
    }

    private IntegrityViolations() {}

    /** The kind of {@code e}, from the SQL error under it. */
    public static Kind of(DataIntegrityViolationException e) {
        if (e instanceof DuplicateKeyException) {
            return Kind.DUPLICATE_KEY;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (var each = sql; each != null; each = each.getNextException()) {
                    var kind = of(each.getSQLState(), each.getErrorCode());
                    if (kind != Kind.OTHER) {
                        return kind;
                    }
                }
            }
        }
        return Kind.OTHER;
    }

    /** The kind of an SQL error by its SQLState and vendor code (H2, PostgreSQL, MariaDB). */
    static Kind of(String sqlState, int vendorCode) {
        if ("23505".equals(sqlState) || vendorCode == 1062) {
            return Kind.DUPLICATE_KEY;
        }
        if ("23503".equals(sqlState)
                || "23506".equals(sqlState)
                || vendorCode == 1451
                || vendorCode == 1452
                || vendorCode == 1216
                || vendorCode == 1217) {
            return Kind.FOREIGN_KEY;
        }
        return Kind.OTHER;
    }

    /**
     * Logs a violation no one else's write explains ({@link Kind#OTHER}) as the error it is, with where it came from
     * ({@code edge}: "an API call", "a page") and the SQL error's SQLState and vendor code, never its message.
     */
    public static void logBug(DataIntegrityViolationException e, String edge) {
        String state = null;
        int code = 0;
        for (Throwable cause = e.getCause(); cause != null && state == null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                state = sql.getSQLState();
                code = sql.getErrorCode();
            }
        }
        log.error(
                "Integrity violation while handling {} (a value not checked before it was written): {} SQLState {} code {}",
                edge,
                e.getClass().getName(),
                state,
                code);
    }
}
