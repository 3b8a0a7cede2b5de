package ca.gardien.incidents;

/** Where an entry of the register stands: recorded, assessed (the conclusion is known), closed. */
@org.springframework.modulith.NamedInterface("views")
public enum IncidentStatus {
    OPEN,
    ASSESSED,
    CLOSED
}
