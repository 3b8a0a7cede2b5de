package ca.gardien.connectors;

/** The connected database did not answer or refused; carries the SQL state only (messages may name hosts or values). */
@org.springframework.modulith.NamedInterface("actions")
public class TargetUnavailableException extends RuntimeException {

    private final String sqlState;

    public TargetUnavailableException(java.sql.SQLException cause) {
        super("the connected database failed (SQL state " + cause.getSQLState() + ")");
        this.sqlState = cause.getSQLState();
    }

    /** The SQL state the database answered with (it names no host and no value). */
    public String sqlState() {
        return sqlState;
    }
}
