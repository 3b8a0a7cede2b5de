package ca.gardien.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document names a schema by the type's simple name: two request or answer types with one name (an
 * assessment's {@code Decision} and consent's {@code Decision}) collapse into one schema, and the API's description
 * then shows one type's fields for the other's endpoint. Every type the REST controllers take or give, and the types
 * inside them, has a name of its own.
 */
class OpenApiSchemaNamesTest {

    @Test
    void everyTypeTheApiTakesOrGivesHasItsOwnSchemaName() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        var pending = new ArrayDeque<Type>();
        for (var bean : scanner.findCandidateComponents("ca.gardien")) {
            for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
                pending.add(method.getGenericReturnType());
                for (var parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        pending.add(parameter.getParameterizedType());
                    }
                }
            }
        }
        Map<String, Set<String>> byName = new TreeMap<>();
        var seen = new HashSet<Type>();
        while (!pending.isEmpty()) {
            var type = pending.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (type instanceof ParameterizedType p) {
                pending.addAll(java.util.List.of(p.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.getName().startsWith("ca.gardien.") && !c.isEnum()) {
                byName.computeIfAbsent(schemaName(c), n -> new TreeSet<>()).add(c.getName());
                if (c.isRecord()) {
                    for (var component : c.getRecordComponents()) {
                        pending.add(component.getGenericType());
                    }
                }
            }
        }
        byName.values().removeIf(classes -> classes.size() < 2);

        assertThat(byName).as("types sharing one OpenAPI schema name").isEmpty();
    }

    /** The name springdoc gives the type's schema: its {@code @Schema(name)}, else its simple name. */
    private static String schemaName(Class<?> type) {
        var schema = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }
}
