package ca.gardien.connectors;

import ca.gardien.connectors.spi.Capability;
import java.time.Instant;
import java.util.Set;

/** A registered connector as the API shows it: never its secret. */
public record ConnectorView(
        String id,
        String type,
        String url,
        String username,
        boolean hasSecret,
        Set<Capability> capabilities,
        Instant createdAt) {}
