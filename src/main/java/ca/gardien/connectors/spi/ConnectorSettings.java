package ca.gardien.connectors.spi;

import java.util.Map;

/**
 * What a factory needs to make a connector. {@code secret} is the password (JDBC) or the HMAC key (webhook), already
 * decrypted: a factory must never log it.
 */
public record ConnectorSettings(
        String id, String type, String url, String username, String secret, Map<String, String> options) {

    public ConnectorSettings {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    @Override
    public String toString() {
        return "ConnectorSettings[id=" + id + ", type=" + type + "]"; // never the URL's credentials or the secret
    }
}
