package ca.gardien.connectors.spi;

import java.util.Map;
import java.util.UUID;

/** One action to carry out for one person: the verified identities, and for a rectification the changes. */
public record RunOrder(
        UUID runId, String connectorId, String action, Map<String, String> identities, String callbackPath) {

    @Override
    public String toString() {
        return "RunOrder[runId=" + runId + ", connectorId=" + connectorId + ", action=" + action + "]";
    }
}
