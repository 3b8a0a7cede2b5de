package ca.gardien.assessments;

import java.util.List;

/** A questionnaire template refused at load, with every mistake named by its YAML path. */
class InvalidTemplateException extends RuntimeException {

    private final List<String> errors;

    InvalidTemplateException(String source, List<String> errors) {
        super("template " + source + " refused: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Each mistake as {@code <path>: <what is wrong>}, e.g. {@code sections[1].questions[0].label.en: missing}. */
    List<String> errors() {
        return errors;
    }
}
