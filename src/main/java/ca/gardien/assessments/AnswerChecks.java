package ca.gardien.assessments;

import ca.gardien.shared.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Turns the answers a caller sends (JSON values by question id) into stored text, refusing a value of the wrong type
 * with the field {@code answers.<question>} and the question's label in the message, and a question the questionnaire
 * does not have with the field {@code answers}: a key the caller made up is never echoed (attacker's review: HTML,
 * U+202E and NUL came back as sent).
 */
final class AnswerChecks {

    static final int MAX_SHORT = 500;

    /** The largest number an answer holds: more than the persons on Earth (attacker's review: 1e26 was stored). */
    static final long MAX_NUMBER = 10_000_000_000L;

    private AnswerChecks() {}

    /** The answer as stored, {@code null} to clear it; a refusal is added to {@code errors}. */
    static String check(Template template, String questionId, Object value, Locale locale, List<FieldError> errors) {
        var question = template.question(questionId);
        if (question.isEmpty()) { // said once, however many keys were made up
            if (errors.stream().noneMatch(e -> e.key().equals("assessments.answer.unknown-question"))) {
                errors.add(FieldError.of("answers", "assessments.answer.unknown-question"));
            }
            return null;
        }
        var field = "answers." + questionId;
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
            case "number" -> wholeNumber(value);
            case "date" -> value instanceof String s && date(s) ? s : null;
            default -> null;
        };
        if (text == null) {
            errors.add(FieldError.of(field, "assessments.answer.type." + q.type(), label, MAX_NUMBER));
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

    /**
     * A whole number from 0 to {@value #MAX_NUMBER} as stored, else {@code null}: 1.5 of a person is no answer (the API
     * refuses 1.7 for a whole number), nor 12345678901234567890.
     */
    private static String wholeNumber(Object value) {
        if (!(value instanceof Number n)) {
            return null;
        }
        java.math.BigDecimal number;
        try {
            number = new java.math.BigDecimal(n.toString()); // NaN and infinities are not numbers here
        } catch (NumberFormatException e) {
            return null;
        }
        if (number.signum() < 0
                || number.compareTo(java.math.BigDecimal.valueOf(MAX_NUMBER)) > 0
                || number.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return number.toBigInteger().toString();
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
