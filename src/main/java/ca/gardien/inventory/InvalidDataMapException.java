package ca.gardien.inventory;

import java.util.List;

/** A data-map document that cannot be applied; carries every mistake found, each with its path. */
@org.springframework.modulith.NamedInterface("actions")
public class InvalidDataMapException extends RuntimeException {

    private final transient List<MapError> errors;

    InvalidDataMapException(List<MapError> errors) {
        super("invalid data map: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<MapError> errors() {
        return errors;
    }
}
