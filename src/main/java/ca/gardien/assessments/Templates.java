package ca.gardien.assessments;

import ca.gardien.shared.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The questionnaires offered: those shipped under {@code classpath:assessments/templates/} and those named by
 * {@code gardien.assessments.extra-templates}, each checked at start; one with a mistake stops the start with its
 * YAML path.
 */
@Component
class Templates {

    private final Map<String, Template> byId = new LinkedHashMap<>();

    Templates(AssessmentsProperties properties) {
        var resolver = new PathMatchingResourcePatternResolver();
        var resources = new ArrayList<Resource>();
        try {
            resources.addAll(List.of(resolver.getResources("classpath:assessments/templates/*.yaml")));
            resources.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (var location : properties.extraTemplates()) {
                resources.add(resolver.getResource(location));
            }
            for (var resource : resources) {
                var yaml = resource.getContentAsString(StandardCharsets.UTF_8);
                var template = TemplateYaml.read(String.valueOf(resource.getFilename()), yaml);
                if (byId.putIfAbsent(template.id(), template) != null) {
                    throw new InvalidTemplateException(resource.getFilename(), List.of("id: used by another template"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Template> all() {
        return List.copyOf(byId.values());
    }

    Template get(String id) {
        var template = byId.get(id);
        if (template == null) {
            throw new NotFoundException("assessments.object.template", id);
        }
        return template;
    }

    boolean has(String id) {
        return byId.containsKey(id);
    }

    /** The template a data-map list starts: the first that applies to it. */
    Template forList(String list) {
        return byId.values().stream()
                .filter(t -> t.appliesTo().equals(list))
                .findFirst()
                .orElseGet(() -> get("qc-system"));
    }
}
