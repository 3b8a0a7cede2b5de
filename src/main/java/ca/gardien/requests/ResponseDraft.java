package ca.gardien.requests;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.PlainText;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The written answer. A refusal, full or partial, must give the reasons, the legal provisions relied on, the remedy
 * (an application to the Commission d'accès à l'information) and its time limit (P-39.1 s. 34; 30 days, ss. 42-43).
 *
 * @param outcome {@code FULFILLED}, {@code PARTIAL_REFUSAL} or {@code REFUSAL}
 * @param remedyTimeLimitDays the time limit of the remedy, in days
 * @param documents the request's files (staff's attachments) joined to the answer, in the order its ZIP holds them;
 *     empty when none ({@link AnswerDocuments})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@org.springframework.modulith.NamedInterface("views")
public record ResponseDraft(
        String outcome,
        String message,
        String reasons,
        List<String> legalProvisions,
        String remedy,
        Integer remedyTimeLimitDays,
        List<UUID> documents) {

    public static final List<String> OUTCOMES = List.of("FULFILLED", "PARTIAL_REFUSAL", "REFUSAL");

    /** Line ends are {@code \n} however the text came (a browser's form sends {@code \r\n}, the API usually not). */
    public ResponseDraft {
        message = lines(message);
        reasons = lines(reasons);
        remedy = lines(remedy);
        legalProvisions = legalProvisions == null
                ? List.of()
                : legalProvisions.stream()
                        .filter(p -> p != null && !p.isBlank())
                        .toList();
        documents = documents == null
                ? List.of()
                : documents.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** A draft that joins none of the request's files. */
    public ResponseDraft(
            String outcome,
            String message,
            String reasons,
            List<String> legalProvisions,
            String remedy,
            Integer remedyTimeLimitDays) {
        this(outcome, message, reasons, legalProvisions, remedy, remedyTimeLimitDays, List.of());
    }

    private static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    boolean refusal() {
        return "REFUSAL".equals(outcome) || "PARTIAL_REFUSAL".equals(outcome);
    }

    /** The elements a refusal lacks, by name; empty for a fulfilment or a complete refusal. */
    List<String> missingForRefusal() {
        var missing = new ArrayList<String>();
        if (!refusal()) {
            return missing;
        }
        if (blank(reasons)) missing.add("reasons");
        if (legalProvisions.isEmpty()) missing.add("legalProvisions");
        if (blank(remedy)) missing.add("remedy");
        if (remedyTimeLimitDays == null || remedyTimeLimitDays <= 0) missing.add("remedyTimeLimitDays");
        return missing;
    }

    /** @throws RequestProblem {@code refusal-incomplete} naming what a refusal still lacks (P-39.1 s. 34) */
    void requireComplete() {
        var missing = missingForRefusal();
        if (!missing.isEmpty()) {
            throw new RequestProblem(
                    Refusal.REFUSAL_INCOMPLETE,
                    "refusal-incomplete",
                    java.util.Map.of("missing", missing),
                    String.join(", ", missing));
        }
    }

    /**
     * What the answer says, as one SHA-256: the page that shows it carries it, so that an approval is of the text the
     * approver read (an edit saved meanwhile by someone else makes the approval a conflict, not an approval unseen).
     */
    public String fingerprint() {
        var text = new StringBuilder();
        for (var part : java.util.Arrays.asList(
                outcome,
                message,
                reasons,
                String.join("\n", legalProvisions),
                remedy,
                String.valueOf(remedyTimeLimitDays),
                documents.toString())) {
            text.append(part == null ? "" : part.length())
                    .append(':')
                    .append(part)
                    .append('\u0000');
        }
        return ca.gardien.shared.Digests.sha256Hex(text.toString());
    }

    /**
     * @param legalRemedyDays the remedy's time limit the jurisdiction's law sets (Québec: 30 days, s. 43), or null: a
     *     refusal's letter states it, so it may not say another (officer's review: "dans les 5 jours" was accepted)
     */
    List<FieldError> errors(Integer legalRemedyDays) {
        var errors = new ArrayList<FieldError>();
        if (refusal()
                && legalRemedyDays != null
                && remedyTimeLimitDays != null
                && !legalRemedyDays.equals(remedyTimeLimitDays)) {
            errors.add(FieldError.of("remedyTimeLimitDays", "requests.field.remedy-days", legalRemedyDays));
        }
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            errors.add(FieldError.of("outcome", "shared.field.one-of", OUTCOMES));
        }
        prose(errors, "message", message, 20000);
        prose(errors, "reasons", reasons, 20000);
        prose(errors, "remedy", remedy, 4000);
        if (String.join("\n", legalProvisions).length() > 4000) {
            errors.add(FieldError.of("legalProvisions", "requests.field.provisions-too-long", 4000));
        } else if (legalProvisions.stream().anyMatch(p -> PlainText.hidesSomething(p, false))) {
            errors.add(FieldError.of("legalProvisions", "shared.field.control-characters"));
        }
        return errors;
    }

    /**
     * A text of the letter: within its length, and without control characters or marks that make it read otherwise
     * than it is stored (the person receives it; a NUL made the package's XHTML letter malformed).
     */
    private static void prose(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "shared.field.too-long", max));
        } else if (PlainText.hidesSomethingInProse(value)) {
            errors.add(FieldError.of(field, "shared.field.control-characters"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
