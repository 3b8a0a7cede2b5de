package ca.gardien.connectors;

import java.util.List;
import java.util.Map;

/** What to do for whom: EXPORT, ERASE or RECTIFY, the verified identifiers, and for RECTIFY the changes. */
public record RunRequest(RunAction action, Map<String, String> identities, List<RectifyChange> changes) {

    public RunRequest {
        identities = identities == null ? Map.of() : identities;
        changes = changes == null ? List.of() : changes;
    }

    @Override
    public String toString() {
        return "RunRequest[action=" + action + ", identities=" + identities.keySet() + "]";
    }
}
