package ca.gardien.shared;

/** The request conflicts with the current state (duplicate name, stale version); rendered as a 409 problem. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
