package ca.gardien.shared;

/** A named object does not exist; rendered as a 404 problem. The message must not contain personal information. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String objectType, Object id) {
        super(objectType + " " + id + " not found");
    }
}
