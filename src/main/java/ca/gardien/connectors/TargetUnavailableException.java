package ca.gardien.connectors;

/** The connected database did not answer or refused; carries the SQL state only (messages may name hosts or values). */
public class TargetUnavailableException extends RuntimeException {

    public TargetUnavailableException(java.sql.SQLException cause) {
        super("the connected database failed (SQL state " + cause.getSQLState() + ")");
    }
}
