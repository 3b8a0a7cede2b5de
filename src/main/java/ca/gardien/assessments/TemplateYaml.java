package ca.gardien.assessments;

import ca.gardien.inventory.Text;
import ca.gardien.shared.YamlLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a questionnaire template and checks it whole: ids, a known type for every question, both languages for every
 * text, choices for a choice question, a known pre-fill source. Every mistake is reported by its YAML path.
 */
final class TemplateYaml {

    private static final YAMLMapper YAML =
            YAMLMapper.builder(YamlLimits.factory()).build();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    private final List<String> errors = new ArrayList<>();

    private TemplateYaml() {}

    /**
     * @throws InvalidTemplateException naming every mistake by its path
     */
    static Template read(String source, String yaml) {
        var reader = new TemplateYaml();
        var refusal = yaml == null ? "is empty" : YamlLimits.refusal(yaml);
        if (refusal != null) {
            throw new InvalidTemplateException(source, List.of("$: " + refusal));
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new InvalidTemplateException(source, List.of("$: not YAML"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTemplateException(source, List.of("$: not a mapping"));
        }
        var template = reader.template(root);
        if (!reader.errors.isEmpty()) {
            throw new InvalidTemplateException(source, reader.errors);
        }
        return template;
    }

    private Template template(JsonNode root) {
        var id = id(root, "id");
        var version = root.path("version");
        if (!version.isInt() || version.intValue() < 1) {
            errors.add("version: a whole number from 1");
        }
        var appliesTo = root.path("appliesTo").asString("");
        if (!Template.APPLIES_TO.contains(appliesTo)) {
            errors.add("appliesTo: one of " + String.join(", ", Template.APPLIES_TO));
        }
        var sections = new ArrayList<Template.Section>();
        var questionIds = new HashSet<String>();
        var list = root.path("sections");
        if (!list.isArray() || list.isEmpty()) {
            errors.add("sections: at least one section");
        }
        for (int s = 0; s < list.size(); s++) {
            var at = "sections[" + s + "]";
            var node = list.get(s);
            var questions = new ArrayList<Template.Question>();
            var qs = node.path("questions");
            if (!qs.isArray() || qs.isEmpty()) {
                errors.add(at + ".questions: at least one question");
            }
            for (int q = 0; q < qs.size(); q++) {
                var question = question(qs.get(q), at + ".questions[" + q + "]");
                if (question.id() != null && !questionIds.add(question.id())) {
                    errors.add(at + ".questions[" + q + "].id: used twice");
                }
                questions.add(question);
            }
            sections.add(
                    new Template.Section(id(node, at + ".id"), text(node.path("title"), at + ".title"), questions));
        }
        return new Template(
                id,
                version.asInt(0),
                text(root.path("title"), "title"),
                root.path("law").asString(""),
                appliesTo,
                sections);
    }

    private Template.Question question(JsonNode node, String at) {
        var type = node.path("type").asString("");
        if (!Template.TYPES.contains(type)) {
            errors.add(at + ".type: unknown question type (" + String.join(", ", Template.TYPES) + ")");
        }
        var choices = new ArrayList<Template.Choice>();
        var list = node.path("choices");
        if ("choice".equals(type) && (!list.isArray() || list.isEmpty())) {
            errors.add(at + ".choices: a choice question needs choices");
        }
        for (int c = 0; c < list.size(); c++) {
            var choice = list.get(c);
            var path = at + ".choices[" + c + "]";
            choices.add(new Template.Choice(id(choice, path + ".id"), text(choice.path("label"), path + ".label")));
        }
        String prefill = node.hasNonNull("prefill") ? node.get("prefill").asString() : null;
        if (prefill != null && !Prefill.SOURCES.contains(prefill)) {
            errors.add(at + ".prefill: unknown source (" + String.join(", ", Prefill.SOURCES) + ")");
        }
        var required = node.path("required");
        if (!required.isMissingNode() && !required.isBoolean()) {
            errors.add(at + ".required: true or false");
        }
        var approveOnly = approveOnly(node.path("approveOnly"), type, choices, at);
        return new Template.Question(
                id(node, at + ".id"),
                type,
                text(node.path("label"), at + ".label"),
                choices,
                prefill,
                required.asBoolean(false) || approveOnly != null,
                approveOnly);
    }

    /** The only answer that allows approval: yes or no for a yes-no question, a choice's id for a choice question. */
    private String approveOnly(JsonNode node, String type, List<Template.Choice> choices, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        var value = node.isBoolean() ? (node.booleanValue() ? "yes" : "no") : node.asString("");
        boolean fits = "yes-no".equals(type)
                ? "yes".equals(value) || "no".equals(value)
                : "choice".equals(type) && choices.stream().anyMatch(c -> value.equals(c.id()));
        if (!fits) {
            errors.add(at + ".approveOnly: yes or no for a yes-no question, a choice's id for a choice question");
            return null;
        }
        return value;
    }

    private String id(JsonNode node, String at) {
        var field = at.substring(at.lastIndexOf('.') + 1);
        var value = node.path(field).asString("");
        if (!ID.matcher(value).matches()) {
            errors.add(at + ": an id of lower-case letters, digits and hyphens");
            return null;
        }
        return value;
    }

    private Text text(JsonNode node, String at) {
        var fr = node.path("fr").asString("");
        var en = node.path("en").asString("");
        if (fr.isBlank()) {
            errors.add(at + ".fr: missing translation");
        }
        if (en.isBlank()) {
            errors.add(at + ".en: missing translation");
        }
        return new Text(fr.strip(), en.strip());
    }
}
