package ca.gardien.connectors;

import java.sql.SQLException;

/** Names the step of a run that failed; the cause keeps the SQL state. */
final class StepFailed extends RuntimeException {

    final transient Step step;

    StepFailed(Step step, SQLException cause) {
        super(cause);
        this.step = step;
    }
}
