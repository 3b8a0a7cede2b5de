package ca.gardien.complaints;

/** Where a complaint stands. */
@org.springframework.modulith.NamedInterface("views")
public enum ComplaintStatus {
    /** the clock runs */
    OPEN,
    /** additional information was requested: the clock is stopped until it is received */
    AWAITING_INFORMATION,
    /** the reasoned answer was sent */
    ANSWERED,
    /** the file is closed */
    CLOSED;

    public boolean isOpen() {
        return this == OPEN || this == AWAITING_INFORMATION;
    }
}
