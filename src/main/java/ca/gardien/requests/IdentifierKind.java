package ca.gardien.requests;

/** A kind of identifier a request matches on. Email and phone are proven by a one-time code; a customer number by staff. */
public enum IdentifierKind {
    EMAIL,
    PHONE,
    CUSTOMER;

    boolean takesCode() {
        return this != CUSTOMER;
    }
}
