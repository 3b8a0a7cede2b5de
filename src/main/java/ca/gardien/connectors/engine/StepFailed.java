package ca.gardien.connectors.engine;

import ca.gardien.connectors.Step;
import java.sql.SQLException;

/** Names the step of a run that failed; the cause keeps the SQL state. */
public final class StepFailed extends RuntimeException {

    public final transient Step step;

    StepFailed(Step step, SQLException cause) {
        super(cause);
        this.step = step;
    }
}
