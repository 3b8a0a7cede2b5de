package ca.gardien.connectors.spi;

import java.util.Set;

/** A system of the organization that Gardien reaches to find and act on a person's data. */
public interface Connector extends AutoCloseable {

    String id();

    Set<Capability> capabilities();

    /** Reaches the system once, without reading any personal information. */
    ConnectionCheck check();

    /** Releases pooled connections; the default holds none. */
    @Override
    default void close() {}
}
