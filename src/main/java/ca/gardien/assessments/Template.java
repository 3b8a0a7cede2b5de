package ca.gardien.assessments;

import ca.gardien.inventory.Text;
import java.util.List;
import java.util.Optional;

/**
 * A questionnaire as data: a versioned YAML document under {@code assessments/templates/} (or named by
 * {@code gardien.assessments.extra-templates}), every text in French and English. {@code appliesTo} names the data-map
 * list whose items start it ({@code systems}, {@code transfers}, {@code purposes}) or {@code manual}.
 */
record Template(String id, int version, Text title, String law, String appliesTo, List<Section> sections) {

    /** The kinds of answer a question takes. */
    static final List<String> TYPES = List.of("text", "long-text", "yes-no", "choice", "number", "date");

    static final List<String> APPLIES_TO = List.of("systems", "transfers", "purposes", "manual");

    record Section(String id, Text title, List<Question> questions) {}

    /**
     * A question; {@code required} ones must be answered before approval, and when {@code approveOnly} is set the
     * assessment may be approved only with that answer (the s. 17 conclusion that the protection would be adequate).
     */
    record Question(
            String id,
            String type,
            Text label,
            List<Choice> choices,
            String prefill,
            boolean required,
            String approveOnly) {}

    record Choice(String id, Text label) {}

    Optional<Question> question(String id) {
        return sections.stream()
                .flatMap(s -> s.questions().stream())
                .filter(q -> q.id().equals(id))
                .findFirst();
    }

    List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }
}
