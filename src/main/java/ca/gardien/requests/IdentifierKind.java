package ca.gardien.requests;

/**
 * A kind of identifier a request matches on. Email and phone are proven only by a one-time code sent to them: nobody
 * can mark them verified. A customer number is staff-provable: staff confirm it against the customer file, with a
 * recorded reason ({@link StaffProofs}).
 */
public enum IdentifierKind {
    EMAIL,
    PHONE,
    CUSTOMER;

    boolean takesCode() {
        return this != CUSTOMER;
    }

    /** Whether staff may confirm this kind themselves (with a recorded reason) rather than the person with a code. */
    public boolean staffProvable() {
        return this == CUSTOMER;
    }
}
