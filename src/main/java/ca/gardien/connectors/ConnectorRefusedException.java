package ca.gardien.connectors;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.List;

/**
 * A registered connector whose address the rules refuse now (registered before them, or its host now resolves
 * elsewhere): it is not connected to. The errors name {@code url} (or {@code password}) as a registration's would.
 */
@org.springframework.modulith.NamedInterface("actions")
public class ConnectorRefusedException extends InvalidInputException {

    ConnectorRefusedException(List<FieldError> errors) {
        super(errors);
    }
}
