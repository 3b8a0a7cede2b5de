package ca.gardien.connectors;

/** For tests outside this package that share the context: releases a connector's pool before its database goes. */
public final class ConnectorPools {

    private ConnectorPools() {}

    public static void release(ConnectorCatalog catalog, String connectorId) {
        catalog.evict(connectorId);
    }
}
