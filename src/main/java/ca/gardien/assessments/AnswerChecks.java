package ca.gardien.assessments;

import ca.gardien.shared.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Turns the answers a caller sends (JSON values by question id) into stored text, refusing an unknown question or a
 * value of the wrong type with the field {@code answers.<question>} and the question's label in the message.
 */
final class AnswerChecks {

    static final int MAX_SHORT = 500;

    private AnswerChecks() {}

    /** The answer as stored, {@code null} to clear it; a refusal is added to {@code errors}. */
    static String check(Template template, String questionId, Object value, Locale locale, List<FieldError> errors) {
        var field = "answers." + questionId;
        var question = template.question(questionId);
        if (question.isEmpty()) {
            errors.add(FieldError.of(field, "assessments.answer.unknown-question", questionId));
            return null;
        }
        var q = question.get();
        if (value == null) {
            return null;
        }
        var label = q.label().in(locale);
        var text = switch (q.type()) {
            case "text", "long-text" -> // a browser sends a text area's lines ended by CR LF
                value instanceof String s ? s.strip().replace("\r\n", "\n") : null;
            case "yes-no" ->
                value instanceof Boolean b
                        ? (b ? "yes" : "no")
                        : ("yes".equals(value) || "no".equals(value) ? (String) value : null);
            case "choice" ->
                value instanceof String s && q.choices().stream().anyMatch(c -> c.id().equals(s)) ? s : null;
            case "number" ->
                value instanceof Number n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue())
                        ? new java.math.BigDecimal(n.toString())
                                .stripTrailingZeros()
                                .toPlainString()
                        : null;
            case "date" -> value instanceof String s && date(s) ? s : null;
            default -> null;
        };
        if (text == null) {
            errors.add(FieldError.of(field, "assessments.answer.type." + q.type(), label));
            return null;
        }
        int max = "text".equals(q.type()) ? MAX_SHORT : Assessments.MAX_TEXT;
        if (text.length() > max) {
            errors.add(FieldError.of(field, "assessments.answer.too-long", label, max));
            return null;
        }
        if (controlCharacters(text)) {
            errors.add(FieldError.of(field, "shared.field.control-characters"));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /**
     * What stops an approval: every required question unanswered, and a conclusion the questionnaire approves only with
     * (s. 17: the information would receive adequate protection) not reached, each named {@code answers.<question>}.
     */
    static List<FieldError> beforeApproval(Template template, Assessment a, Locale locale) {
        var errors = new java.util.ArrayList<FieldError>();
        for (var q : template.questions()) {
            var answer = a.answers().get(q.id());
            var field = "answers." + q.id();
            if (q.required() && answer == null) {
                errors.add(unanswered(q, locale));
            } else if (q.approveOnly() != null && !q.approveOnly().equals(answer.value())) {
                errors.add(FieldError.of(
                        field,
                        "assessments.approve.conclusion",
                        q.label().in(locale),
                        shown(q, q.approveOnly(), locale),
                        ca.gardien.shared.LegalCitations.words(template.law())));
            }
        }
        return errors;
    }

    /** The required questions left unanswered, each refused by its field as approval refuses it. */
    static List<FieldError> unanswered(Template template, Assessment a, Locale locale) {
        return template.questions().stream()
                .filter(q -> q.required() && !a.answers().containsKey(q.id()))
                .map(q -> unanswered(q, locale))
                .toList();
    }

    private static FieldError unanswered(Template.Question q, Locale locale) {
        return FieldError.of(
                "answers." + q.id(), "assessments.approve.unanswered", q.label().in(locale));
    }

    /** An answer's words: a choice's label, or yes and no as the bundles say them. */
    private static Object shown(Template.Question q, String value, Locale locale) {
        return "yes-no".equals(q.type())
                ? new org.springframework.context.support.DefaultMessageSourceResolvable("assessments.answer." + value)
                : q.choices().stream()
                        .filter(c -> c.id().equals(value))
                        .map(c -> c.label().in(locale))
                        .findFirst()
                        .orElse(value);
    }

    /** The answers of a form, all text: yes/no, numbers and dates are read from their text. */
    static Object fromForm(Template template, String questionId, String value) {
        var q = template.question(questionId);
        if (q.isEmpty() || value == null || value.isBlank()) {
            return value == null || value.isBlank() ? null : value;
        }
        if ("number".equals(q.get().type())) {
            try {
                return new java.math.BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    /** Whether a text holds control characters other than tab and line ends, or marks that hide what it says. */
    static boolean controlCharacters(String text) {
        return ca.gardien.shared.PlainText.hidesSomethingInProse(text);
    }

    private static boolean date(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
