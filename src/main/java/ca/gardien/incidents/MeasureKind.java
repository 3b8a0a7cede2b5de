package ca.gardien.incidents;

/** What a measure is for: stop the incident, reduce the risk of injury to the persons, prevent a new incident. */
@org.springframework.modulith.NamedInterface("views")
public enum MeasureKind {
    CONTAINMENT,
    MITIGATION,
    PREVENTION
}
