package ca.gardien.connectors.spi;

/** The outcome of a connection test; {@code problem} is a short reason without secrets or personal information. */
public record ConnectionCheck(boolean ok, String product, String version, String problem) {

    public static ConnectionCheck ok(String product, String version) {
        return new ConnectionCheck(true, product, version, null);
    }

    public static ConnectionCheck failed(String problem) {
        return new ConnectionCheck(false, null, null, problem);
    }
}
