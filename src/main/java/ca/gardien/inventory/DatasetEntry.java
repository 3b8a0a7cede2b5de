package ca.gardien.inventory;

import ca.gardien.shared.YamlLimits;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * One connector's {@code datasets:} entry, edited on its own in the console and spliced into the whole data map, which
 * the inventory module then validates and applies as any other document (same rules, same paths in errors). A mistake
 * in the entry itself is an {@link InvalidDataMapException} with its path, before the entry reaches the data map.
 */
@org.springframework.modulith.NamedInterface("actions")
public final class DatasetEntry {

    private static final YAMLMapper YAML = YAMLMapper.builder(YamlLimits.factory())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private DatasetEntry() {}

    /**
     * The connector's current entry, or a skeleton listing the discovered tables and columns when it has none.
     *
     * @param schema the column names of each discovered table, in order; null when the schema is unknown
     */
    public static String current(String mapYaml, String id, Map<String, List<String>> schema) {
        var datasets = map(mapYaml).get("datasets");
        if (datasets instanceof ArrayNode list) {
            for (JsonNode entry : list) {
                if (id.equals(entry.path("id").asString(""))) {
                    return YAML.writeValueAsString(entry);
                }
            }
        }
        var skeleton = YAML.createObjectNode().put("id", id);
        var tables = skeleton.putArray("tables");
        if (schema != null) {
            schema.forEach((table, names) -> {
                var columns = tables.addObject().put("name", table).putArray("columns");
                names.forEach(c -> columns.addObject().put("name", c));
            });
        }
        return YAML.writeValueAsString(skeleton);
    }

    /** The whole data map with the connector's entry replaced by (or extended with) the edited one. */
    public static String merged(String mapYaml, String id, String entryYaml) {
        JsonNode entry;
        var refusal = DataMapYaml.tooLarge("datasets", entryYaml);
        if (refusal != null) {
            throw new InvalidDataMapException(List.of(refusal));
        }
        try {
            entry = YAML.readTree(entryYaml);
        } catch (JacksonException e) {
            throw invalid("datasets", "inventory.map.entry-invalid-yaml");
        }
        if (!(entry instanceof ObjectNode object)) {
            throw invalid("datasets", "inventory.map.entry-not-a-mapping");
        }
        if (object.has("id") && !id.equals(object.path("id").asString(""))) {
            throw invalid("datasets.id", "inventory.map.entry-id", id);
        }
        object.put("id", id);
        var map = map(mapYaml);
        var list = map.get("datasets") instanceof ArrayNode a ? a : map.putArray("datasets");
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).path("id").asString(""))) {
                at = i;
            }
        }
        if (at >= 0) {
            list.set(at, object);
        } else {
            list.add(object);
        }
        return YAML.writeValueAsString(map);
    }

    private static ObjectNode map(String yaml) {
        var tree = yaml == null || yaml.isBlank() ? null : YAML.readTree(yaml);
        return tree instanceof ObjectNode o ? o : YAML.createObjectNode();
    }

    public static final List<String> FIELDS = List.of("category", "identity", "erasure", "origin", "references");

    /**
     * The entry with one table's column annotations set from a form: {@code values} maps each column name to its
     * fields (blank removes a field); other fields of a column ({@code follow}) and other tables are kept.
     */
    public static String withTable(String entryYaml, String table, Map<String, Map<String, String>> values) {
        var entry = (ObjectNode) YAML.readTree(entryYaml);
        var target = table(entry, table);
        var columns = target.get("columns") instanceof ArrayNode a ? a : target.putArray("columns");
        values.forEach((column, fields) -> {
            ObjectNode node = null;
            for (JsonNode c : columns) {
                if (column.equalsIgnoreCase(c.path("name").asString(""))) {
                    node = (ObjectNode) c;
                }
            }
            if (node == null) {
                node = columns.addObject().put("name", column);
            }
            for (var field : FIELDS) {
                var value = fields.getOrDefault(field, "").strip();
                if (value.isEmpty()) {
                    node.remove(field);
                } else {
                    node.put(field, value);
                }
            }
        });
        for (int i = columns.size() - 1; i >= 0; i--) {
            if (columns.get(i).size() <= 1) {
                columns.remove(i); // a column with nothing but its name says nothing
            }
        }
        return YAML.writeValueAsString(entry);
    }

    /**
     * The entry with one table kept under a retention rule from the console's form: {@code retention} and
     * {@code triggerColumn} set, or removed when blank; the table's columns and every other table are kept. A table the
     * entry does not list yet is added by the name given; one left with nothing but its name is taken out.
     */
    public static String withRetention(String entryYaml, String table, String rule, String triggerColumn) {
        var entry = (ObjectNode) YAML.readTree(entryYaml);
        var target = table(entry, table);
        for (var field : new String[][] {{"retention", rule}, {"triggerColumn", triggerColumn}}) {
            if (field[1] == null || field[1].isBlank()) {
                target.remove(field[0]);
            } else {
                target.put(field[0], field[1].strip());
            }
        }
        var said = target.deepCopy();
        said.remove("name");
        if (said.path("columns").isEmpty()) {
            said.remove("columns");
        }
        var tables = (ArrayNode) entry.get("tables");
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (tables.get(i) == target && said.isEmpty()) {
                tables.remove(i); // a table with nothing but its name (and no column) says nothing
            }
        }
        return YAML.writeValueAsString(entry);
    }

    /** The entry's table of this name (letter case aside), added when the entry does not list it yet. */
    private static ObjectNode table(ObjectNode entry, String table) {
        var tables = entry.get("tables") instanceof ArrayNode a ? a : entry.putArray("tables");
        for (JsonNode t : tables) {
            if (table.equalsIgnoreCase(t.path("name").asString(""))) {
                return (ObjectNode) t;
            }
        }
        return tables.addObject().put("name", table);
    }

    private static InvalidDataMapException invalid(String path, String key, Object... arguments) {
        return new InvalidDataMapException(List.of(MapError.of(path, key, arguments)));
    }
}
