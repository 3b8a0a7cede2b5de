/**
 * The service-provider interface of connectors: a {@link ca.gardien.connectors.spi.ConnectorFactory} makes a
 * {@link ca.gardien.connectors.spi.Connector} from settings, and the connector says what it can do.
 */
@NamedInterface("spi")
package ca.gardien.connectors.spi;

import org.springframework.modulith.NamedInterface;
