package ca.gardien.console;

import ca.gardien.shared.FormSteps;
import java.util.UUID;

/** The console's own pages for {@link FormSteps}: a step of a request's page comes back to it. */
final class ConsoleSteps {

    private ConsoleSteps() {}

    /** A step of a request's page. */
    static FormSteps.Step request(UUID id) {
        return FormSteps.at("/console/requests/" + id);
    }
}
