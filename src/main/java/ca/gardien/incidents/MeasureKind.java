package ca.gardien.incidents;

/** What a measure is for: stop the incident, reduce the risk of injury to the persons, prevent a new incident. */
public enum MeasureKind {
    CONTAINMENT,
    MITIGATION,
    PREVENTION
}
