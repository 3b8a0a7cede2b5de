package ca.gardien.connectors;

import java.util.Map;

/**
 * A connector to register. {@code password} is the database password ({@code jdbc}) or the HMAC key ({@code webhook});
 * it is sealed at rest and never returned.
 */
public record ConnectorRegistration(
        String id, String type, String url, String username, String password, Map<String, String> options) {

    @Override
    public String toString() {
        return "ConnectorRegistration[id=" + id + ", type=" + type + "]";
    }
}
