package ca.gardien.connectors;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a connected database declares: tables, columns, primary keys, foreign keys and indexes. */
@org.springframework.modulith.NamedInterface("views")
public record DatabaseSchema(String product, String quote, List<Table> tables) {

    public DatabaseSchema {
        tables = List.copyOf(tables);
    }

    public record Table(
            String name,
            List<Column> columns,
            List<String> primaryKey,
            List<ForeignKey> foreignKeys,
            List<Index> indexes) {

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }

        /** Whether an index (or the primary key) starts with exactly these columns, in any order. */
        public boolean indexed(List<String> wanted) {
            var set = wanted.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
            if (startsWith(primaryKey, set)) {
                return true;
            }
            return indexes.stream().anyMatch(i -> startsWith(i.columns(), set));
        }

        private static boolean startsWith(List<String> columns, List<String> wanted) {
            if (columns.size() < wanted.size()) {
                return false;
            }
            var head = columns.subList(0, wanted.size()).stream()
                    .map(n -> n.toLowerCase(Locale.ROOT))
                    .toList();
            return head.containsAll(wanted);
        }
    }

    /** {@code collation} is read on MariaDB and MySQL only (where {@code _ci} collations compare without case). */
    public record Column(
            String name, String type, int sqlType, int size, boolean nullable, boolean character, String collation) {

        /** Whether it holds a day or a moment: the only columns a retention period can count from. */
        public boolean dated() {
            return sqlType == java.sql.Types.DATE
                    || sqlType == java.sql.Types.TIMESTAMP
                    || sqlType == java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
        }
    }

    public record ForeignKey(
            String name, List<String> columns, String referencedTable, List<String> referencedColumns) {}

    public record Index(String name, List<String> columns, boolean unique) {}

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
