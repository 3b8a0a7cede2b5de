package ca.gardien.connectors.spi;

/** What a connector can do for a rights request. */
public enum Capability {
    LOCATE,
    EXPORT,
    RECTIFY,
    ERASE,
    ANONYMIZE
}
