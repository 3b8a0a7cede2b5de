package ca.gardien.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Reads and writes the YAML form of the data map; the written form is canonical (same map, same bytes). */
final class DataMapYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private DataMapYaml() {}

    static String write(DataMap map) {
        return YAML.writeValueAsString(map.normalized());
    }

    /** Parses a document, collecting unknown fields; a structural mistake stops parsing with its path. */
    static DataMap read(String yaml, List<MapError> errors) {
        if (yaml == null || yaml.isBlank()) {
            errors.add(new MapError("", "the document is empty"));
            return null;
        }
        try {
            DataMap map = YAML.readerFor(DataMap.class)
                    .withHandler(new UnknownFields(errors))
                    .readValue(yaml);
            if (map == null) {
                errors.add(new MapError("", "the document is empty"));
            }
            return map;
        } catch (JacksonException e) {
            errors.add(new MapError(path(e), describe(e)));
            return null;
        }
    }

    private static String describe(JacksonException e) {
        var location = e.getLocation();
        var where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return e instanceof StreamReadException ? "is not valid YAML" + where : "has the wrong type or shape" + where;
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

    /** Records each unknown field with its path and skips it, so that later mistakes are still found. */
    private static final class UnknownFields extends DeserializationProblemHandler {

        private final List<MapError> errors;

        UnknownFields(List<MapError> errors) {
            this.errors = errors;
        }

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext ctxt,
                JsonParser p,
                ValueDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName) {
            var segments = new ArrayList<String>();
            for (var c = p.streamReadContext().getParent(); c != null && !c.inRoot(); c = c.getParent()) {
                segments.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.currentName());
            }
            var prefix = String.join("", segments);
            var path = (prefix.startsWith(".") ? prefix.substring(1) : prefix)
                    + (prefix.isEmpty() ? "" : ".")
                    + propertyName;
            errors.add(new MapError(path, "unknown field"));
            p.skipChildren();
            return true;
        }
    }
}
