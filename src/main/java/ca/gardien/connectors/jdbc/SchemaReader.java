package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.DatabaseSchema;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the schema of the connection's current schema (or catalog, for MariaDB/MySQL) through JDBC metadata. */
public final class SchemaReader {

    private SchemaReader() {}

    public static DatabaseSchema read(Connection connection) throws SQLException {
        var meta = connection.getMetaData();
        var catalog = connection.getCatalog();
        var schema = connection.getSchema();
        var names = new ArrayList<String>();
        try (var rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        var collations = collations(connection, catalog);
        var tables = new ArrayList<DatabaseSchema.Table>();
        for (var name : names) {
            tables.add(new DatabaseSchema.Table(
                    name,
                    columns(meta, catalog, schema, name, collations),
                    primaryKey(meta, catalog, schema, name),
                    foreignKeys(meta, catalog, schema, name),
                    indexes(meta, catalog, schema, name)));
        }
        var quote = meta.getIdentifierQuoteString();
        return new DatabaseSchema(
                meta.getDatabaseProductName(), quote == null || quote.isBlank() ? "\"" : quote.strip(), tables);
    }

    /** On MariaDB and MySQL, each character column's collation as table.column → name; JDBC metadata omits it. */
    private static Map<String, String> collations(Connection connection, String catalog) throws SQLException {
        var collations = new java.util.HashMap<String, String>();
        var product = connection.getMetaData().getDatabaseProductName();
        if (catalog == null || !product.matches("(?i).*(mariadb|mysql).*")) {
            return collations;
        }
        try (var statement = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND COLLATION_NAME IS NOT NULL")) {
            statement.setString(1, catalog);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) collations.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }
        return collations;
    }

    private static List<DatabaseSchema.Column> columns(
            DatabaseMetaData meta, String catalog, String schema, String table, Map<String, String> collations)
            throws SQLException {
        var columns = new ArrayList<DatabaseSchema.Column>();
        try (var rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE");
                var name = rs.getString("COLUMN_NAME");
                columns.add(new DatabaseSchema.Column(
                        name,
                        rs.getString("TYPE_NAME"),
                        type,
                        rs.getInt("COLUMN_SIZE"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        character(type),
                        collations.get(table + "." + name)));
            }
        }
        return columns;
    }

    private static boolean character(int type) {
        return switch (type) {
            case Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.CLOB -> true;
            default -> false;
        };
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        var bySeq = new TreeMap<Integer, String>();
        try (var rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(bySeq.values());
    }

    private static List<DatabaseSchema.ForeignKey> foreignKeys(
            DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        record Part(int seq, String column, String parent, String parentColumn) {}
        var byName = new LinkedHashMap<String, List<Part>>();
        try (var rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                var name = rs.getString("FK_NAME");
                var key = name != null ? name : rs.getString("PKTABLE_NAME") + "#" + byName.size();
                byName.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Part(
                                rs.getInt("KEY_SEQ"),
                                rs.getString("FKCOLUMN_NAME"),
                                rs.getString("PKTABLE_NAME"),
                                rs.getString("PKCOLUMN_NAME")));
            }
        }
        var keys = new ArrayList<DatabaseSchema.ForeignKey>();
        for (Map.Entry<String, List<Part>> e : byName.entrySet()) {
            var parts = e.getValue().stream()
                    .sorted((a, b) -> Integer.compare(a.seq(), b.seq()))
                    .toList();
            keys.add(new DatabaseSchema.ForeignKey(
                    e.getKey(),
                    parts.stream().map(Part::column).toList(),
                    parts.getFirst().parent(),
                    parts.stream().map(Part::parentColumn).toList()));
        }
        return keys;
    }

    private static List<DatabaseSchema.Index> indexes(
            DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        var columns = new LinkedHashMap<String, TreeMap<Integer, String>>();
        var unique = new LinkedHashMap<String, Boolean>();
        try (var rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
            while (rs.next()) {
                var name = rs.getString("INDEX_NAME");
                var column = rs.getString("COLUMN_NAME");
                if (name == null || column == null) {
                    continue; // table statistics row
                }
                columns.computeIfAbsent(name, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        var indexes = new ArrayList<DatabaseSchema.Index>();
        columns.forEach((name, cols) ->
                indexes.add(new DatabaseSchema.Index(name, List.copyOf(cols.values()), unique.get(name))));
        return indexes;
    }
}
