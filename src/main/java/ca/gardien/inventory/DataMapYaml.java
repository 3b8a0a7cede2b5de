package ca.gardien.inventory;

import ca.gardien.shared.YamlLimits;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Reads and writes the YAML form of the data map; the written form is canonical (same map, same bytes). */
final class DataMapYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder(YamlLimits.factory())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private DataMapYaml() {}

    static String write(DataMap map) {
        return YAML.writeValueAsString(map.normalized());
    }

    /** Parses a document, collecting unknown fields; a structural mistake stops parsing with its path. */
    static DataMap read(String yaml, List<MapError> errors) {
        if (yaml != null && yaml.startsWith("\uFEFF")) { // a byte-order mark, which YAML allows first: not content
            yaml = yaml.substring(1);
        }
        if (yaml == null || yaml.isBlank()) {
            errors.add(MapError.of("", "inventory.map.document-empty"));
            return null;
        }
        var refusal = tooLarge("", yaml);
        if (refusal != null) { // before parsing: the parser's cost grows faster than the document
            errors.add(refusal);
            return null;
        }
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null
                    || tree.isMissingNode()
                    || tree.isNull()
                    || (tree.isString() && tree.asString().isBlank())) { // only comments, "---", a byte-order mark
                errors.add(MapError.of("", "inventory.map.document-empty"));
                return null;
            }
            if (!tree.isObject()) {
                errors.add(MapError.of("", "inventory.map.not-a-mapping"));
                return null;
            }
            unknownFields(tree, DataMap.class, "", errors);
            hiddenCharacters(tree, "", errors);
            return YAML.treeToValue(tree, DataMap.class);
        } catch (JacksonException e) {
            errors.add(describe(path(e), e));
            return null;
        }
    }

    /** Walks the tree along the record types of the map, so that every unknown field is reported with its path. */
    private static void unknownFields(JsonNode node, Class<?> type, String path, List<MapError> errors) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        var components = new HashMap<String, RecordComponent>();
        for (var c : type.getRecordComponents()) {
            components.put(c.getName(), c);
        }
        for (var property : node.properties()) {
            var at = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            var component = components.get(property.getKey());
            var child = property.getValue();
            if (component == null) {
                errors.add(MapError.of(at, "inventory.map.unknown-field"));
            } else if (component.getGenericType() instanceof ParameterizedType list && child.isArray()) {
                var element = (Class<?>) list.getActualTypeArguments()[0];
                for (int i = 0; i < child.size(); i++) {
                    unknownFields(child.get(i), element, at + "[" + i + "]", errors);
                }
            } else {
                unknownFields(child, component.getType(), at, errors);
            }
        }
    }

    /**
     * Every text of the map is shown as stored (the public notice, the record of processing, the notice's draft): one
     * with a control character or an invisible mark (a direction override, a zero-width space, NUL) is refused at its
     * path (attacker's review: the public notice served them). Line ends and tabs of a description are prose; any
     * other value is one line.
     */
    /** The one value of the map that is prose: a purpose's description, in either language. */
    private static final java.util.regex.Pattern PROSE =
            java.util.regex.Pattern.compile("purposes\\[\\d+]\\.description(\\.(fr|en))?");

    private static void hiddenCharacters(JsonNode node, String path, List<MapError> errors) {
        if (node.isString()) {
            // only a purpose's description is prose; a line end in a name would make a line of its own in the notice
            var text = node.asString();
            if (PROSE.matcher(path).matches()
                    ? ca.gardien.shared.PlainText.hidesSomethingInProse(text)
                    : ca.gardien.shared.PlainText.hidesSomething(text, false)) {
                errors.add(MapError.of(path, "inventory.map.control-characters"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                hiddenCharacters(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (var property : node.properties()) {
                var at = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                hiddenCharacters(property.getValue(), at, errors);
            }
        }
    }

    /** The document (or entry) at {@code path} is over {@link YamlLimits}, or {@code null} when within them. */
    static MapError tooLarge(String path, String yaml) {
        if (YamlLimits.refusal(yaml) == null) {
            return null;
        }
        return yaml.length() > YamlLimits.MAX_CHARS
                ? MapError.of(path, "inventory.map.too-long", YamlLimits.MAX_CHARS)
                : MapError.of(path, "inventory.map.line-too-long", YamlLimits.MAX_LINE);
    }

    private static MapError describe(String path, JacksonException e) {
        var location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return e instanceof StreamReadException || e instanceof StreamConstraintsException
                ? MapError.of(path, "inventory.map.invalid-yaml", line, column)
                : MapError.of(path, "inventory.map.wrong-shape", line, column);
    }

    static String path(JacksonException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
