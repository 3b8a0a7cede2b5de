package ca.gardien.connectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;

/** What a run does for one person on one connector. */
public enum RunAction {
    EXPORT,
    ERASE,
    RECTIFY;

    /**
     * The action of this name, or null for any other name: the run checks then refuse the request with a 400 naming
     * {@code action}, as for a missing one.
     */
    @JsonCreator
    public static RunAction of(String name) {
        return Arrays.stream(values())
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Whether the run changes the target (an erasure or a rectification). */
    public boolean writes() {
        return this != EXPORT;
    }
}
