/** Relational databases as connector targets: allow-listed JDBC URLs and drivers, and schema discovery. */
package ca.gardien.connectors.jdbc;
