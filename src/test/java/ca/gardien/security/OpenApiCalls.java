package ca.gardien.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Builds, from the OpenAPI document alone, a call of each operation that gets past request binding: ids that do not
 * exist in path variables, every required query parameter, and a minimal body with the required fields of its schema.
 * Binding must succeed so that the call reaches the method's own authorization ({@code @PreAuthorize} runs after the
 * arguments are bound; a 400 from binding would hide a 403).
 */
record OpenApiCalls(JsonNode document) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ID_THAT_DOES_NOT_EXIST = 999_999;

    /** One operation of the document. */
    record Operation(String method, String path, JsonNode spec) {

        String name() {
            return RoleMatrix.operation(method, path);
        }
    }

    static OpenApiCalls of(String json) {
        return new OpenApiCalls(JSON.readTree(json));
    }

    List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /** A call of the operation; {@code body} replaces the generated JSON body when not null. */
    AbstractMockHttpServletRequestBuilder<?> call(Operation operation, JsonNode body) {
        var uri = operation.path();
        var query = new StringBuilder();
        for (var parameter : operation.spec().path("parameters")) {
            var name = parameter.path("name").asString();
            var value = scalar(parameter.path("schema"), true);
            switch (parameter.path("in").asString()) {
                case "path" -> uri = uri.replace("{" + name + "}", value);
                case "query" -> {
                    if (parameter.path("required").asBoolean(false)) {
                        query.append(query.isEmpty() ? "?" : "&")
                                .append(name)
                                .append('=')
                                .append(value);
                    }
                }
                default -> {}
            }
        }
        var method = HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT));
        var content = operation.spec().path("requestBody").path("content");
        if (content.has(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return multipart(
                    method,
                    uri + query,
                    content.path(MediaType.MULTIPART_FORM_DATA_VALUE).path("schema"));
        }
        var request = MockMvcRequestBuilders.request(method, uri + query);
        if (content.has(MediaType.APPLICATION_JSON_VALUE)) {
            var schema = resolve(content.path(MediaType.APPLICATION_JSON_VALUE).path("schema"));
            var json = body != null ? body : "string".equals(type(schema)) ? NODES.objectNode() : example(schema, 0);
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(json));
        } else if (!content.isMissingNode()
                && content.propertyNames().iterator().hasNext()) {
            // YAML or plain-text documents: the smallest document, an empty mapping
            request.contentType(content.propertyNames().iterator().next()).content("{}\n");
        }
        return request;
    }

    private AbstractMockHttpServletRequestBuilder<?> multipart(HttpMethod method, String uri, JsonNode schema) {
        var request = MockMvcRequestBuilders.multipart(method, uri);
        for (var property : resolve(schema).path("properties").properties()) {
            var part = resolve(property.getValue());
            if ("binary".equals(part.path("format").asString())) {
                request.file(new MockMultipartFile(
                        property.getKey(), "matrix.txt", "text/plain", "role matrix".getBytes(StandardCharsets.UTF_8)));
            } else {
                var json = JSON.writeValueAsBytes(example(part, 0));
                request.file(new MockMultipartFile(property.getKey(), "", MediaType.APPLICATION_JSON_VALUE, json));
            }
        }
        return request;
    }

    /** A value with the required fields of the schema, each the smallest valid one. */
    JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(schema.path("enum").size() - 1);
        }
        return switch (type(schema)) {
            case "object" -> {
                var object = NODES.objectNode();
                if (depth < 5) {
                    for (var required : schema.path("required")) {
                        var name = required.asString();
                        object.set(name, example(schema.path("properties").path(name), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    array.add(example(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(scalar(schema, false));
        };
    }

    /** A scalar as text; in a path or a query, numbers are ids that do not exist. */
    private String scalar(JsonNode schema, boolean identifier) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        var type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            return String.valueOf(identifier ? ID_THAT_DOES_NOT_EXIST : 1);
        }
        if (type.equals("boolean")) {
            return "false";
        }
        return switch (schema.path("format").asString("")) {
            case "date-time" -> "2026-01-05T10:00:00Z";
            case "date" -> "2026-01-05";
            case "email" -> "matrix@example.test";
            case "uuid" -> UUID.randomUUID().toString();
            default ->
                text(schema.path("minLength").asInt(0), schema.path("maxLength").asInt(64));
        };
    }

    /** Random letters and digits (an unknown id, username or name), as long as the schema allows. */
    private static String text(int minLength, int maxLength) {
        var text = new StringBuilder("m").append(UUID.randomUUID().toString().replace("-", ""));
        while (text.length() < minLength) {
            text.append(text);
        }
        return text.substring(0, Math.max(minLength, Math.min(text.length(), Math.max(1, maxLength))));
    }

    private static String type(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        return type.isString() ? type.asString() : schema.has("properties") ? "object" : "string";
    }

    private JsonNode resolve(JsonNode schema) {
        var ref = schema.path("$ref");
        if (!ref.isString()) {
            return schema;
        }
        var node = document;
        for (var part : ref.asString().substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
