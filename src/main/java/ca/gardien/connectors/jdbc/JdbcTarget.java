package ca.gardien.connectors.jdbc;

import java.util.List;

/**
 * A JDBC URL read the way its driver reads it, reduced to what decides whether Gardien may connect: the product, what
 * kind of database, its hosts, its database (a name, an in-memory name or a file path) and its properties in order.
 */
record JdbcTarget(String product, Kind kind, List<Host> hosts, String database, List<Property> properties) {

    enum Kind {
        /** a database server reached over the network (PostgreSQL, MariaDB, an operator's product) */
        SERVER,
        /** an H2 in-memory database inside Gardien's process */
        H2_MEMORY,
        /** an H2 database file opened by Gardien's process */
        H2_FILE,
        /** an H2 server ({@code tcp:} or {@code ssl:}) */
        H2_SERVER
    }

    /** A host as written (ASCII name or IP literal, brackets removed) and its port, 0 when the URL names none. */
    record Host(String name, int port) {}

    /** A URL property as the driver receives it: the name as written, the value decoded as the driver decodes it. */
    record Property(String name, String value) {}

    public JdbcTarget {
        hosts = List.copyOf(hosts);
        properties = List.copyOf(properties);
    }
}
