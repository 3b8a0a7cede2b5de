package ca.gardien.incidents;

/** The answer to one factor of s. 3.7 (sensitivity, consequences, likelihood). */
@org.springframework.modulith.NamedInterface("views")
public enum Level {
    LOW,
    MEDIUM,
    HIGH;

    boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
