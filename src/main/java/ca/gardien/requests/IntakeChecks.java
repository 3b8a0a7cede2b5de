package ca.gardien.requests;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** Checks a submitted request and its files, reporting every bad field at once (never quoting values). */
@Component
class IntakeChecks {

    private final Deadlines deadlines;
    private final Inventory inventory;
    private final RequestsProperties properties;

    IntakeChecks(Deadlines deadlines, Inventory inventory, RequestsProperties properties) {
        this.deadlines = deadlines;
        this.inventory = inventory;
        this.properties = properties;
    }

    /** What Québec law offers instead of an erasure right (P-39.1 ss. 28, 28.1 and 8.1), in this order. */
    static final List<RequestType> INSTEAD_OF_ERASURE =
            List.of(RequestType.DESTRUCTION, RequestType.CESSATION_OF_DISSEMINATION, RequestType.CONSENT_WITHDRAWAL);

    /**
     * @param entered entered by staff from a letter or a call ({@link NewRequest#errors(String, boolean)})
     * @throws InvalidInputException naming every bad field, a type the jurisdiction does not offer among them
     * @throws RequestProblem {@code request-type-unavailable} when that type is the only fault (the API's own type)
     */
    void check(NewRequest input, RequestIntake.Upload letter, boolean entered) {
        var errors = errors(input, letter, entered);
        if (errors.size() == 1 && TYPE_UNAVAILABLE.equals(errors.getFirst().key())) {
            throw unavailable(input);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Every bad field of a submitted request and its letter, a type the jurisdiction does not offer said in words. */
    List<FieldError> errors(NewRequest input, RequestIntake.Upload letter, boolean entered) {
        var errors = new ArrayList<>(input.errors(properties.phoneRegion(), entered));
        var jurisdiction =
                input.jurisdiction() == null ? "" : input.jurisdiction().strip().toUpperCase(Locale.ROOT);
        var type = NewRequest.parse(RequestType.class, input.type());
        if (!deadlines.jurisdictions().contains(jurisdiction)) {
            errors.add(FieldError.of("jurisdiction", "shared.field.one-of", deadlines.jurisdictions()));
        } else if (type != null && !deadlines.allows(jurisdiction, type)) {
            errors.add(FieldError.of("type", TYPE_UNAVAILABLE, words(type, jurisdiction)));
        }
        if (input.receivedAt() != null && !DateRange.contains(input.receivedAt())) {
            errors.add(DateRange.outside("receivedAt"));
        }
        if (input.subjectCategory() != null
                && inventory.current().subjectCategories().stream()
                        .noneMatch(c -> c.id().equals(input.subjectCategory()))) {
            errors.add(FieldError.of("subjectCategory", "requests.field.subject-category"));
        }
        var letterError = letter == null ? null : uploadError("letter", letter);
        if (letterError != null) {
            errors.add(letterError);
        }
        return errors;
    }

    private static final String TYPE_UNAVAILABLE = "requests.problem.type-unavailable.detail";

    /** The refusal of a type the jurisdiction does not offer: in words, the codes in properties of their own. */
    private RequestProblem unavailable(NewRequest input) {
        var type = NewRequest.parse(RequestType.class, input.type());
        var jurisdiction = deadlines.known(input.jurisdiction());
        return new RequestProblem(
                Refusal.TYPE_UNAVAILABLE,
                "type-unavailable",
                Map.of(
                        "field",
                        "type",
                        "jurisdiction",
                        jurisdiction,
                        "alternatives",
                        INSTEAD_OF_ERASURE.stream().map(Enum::name).toList()),
                words(type, jurisdiction));
    }

    /**
     * The type, the jurisdiction and the types to ask instead, by the staff's labels (the codes when one has none): only
     * staff read this refusal (the console's entry, the API; the portal offers no type its jurisdiction lacks and says
     * so in its own words), so not the person's "Withdrawal of my consent". Only erasure is ever unavailable (a profile
     * without it), and the three alternatives are offered under every profile.
     */
    private static Object[] words(RequestType type, String jurisdiction) {
        var words = new ArrayList<Object>();
        words.add(label("crq.type." + type.name(), type.name()));
        words.add(label("rq.jurisdiction." + jurisdiction, jurisdiction));
        INSTEAD_OF_ERASURE.forEach(t -> words.add(label("crq.type." + t.name(), t.name())));
        return words.toArray();
    }

    private static DefaultMessageSourceResolvable label(String key, String code) {
        return new DefaultMessageSourceResolvable(new String[] {key}, code);
    }

    /** A file must not be empty nor larger than {@code gardien.requests.delivery.max-upload}. */
    void checkUpload(String field, RequestIntake.Upload upload) {
        var error = uploadError(field, upload);
        if (error != null) {
            throw new InvalidInputException(List.of(error));
        }
    }

    /** What is wrong with a file (empty, too large), named by {@code field}; null when it is fine. */
    FieldError uploadError(String field, RequestIntake.Upload upload) {
        if (upload.content() == null || upload.content().length == 0) {
            return FieldError.of(field, "requests.field.file-empty");
        }
        if (upload.content().length > properties.delivery().maxUpload().toBytes()) {
            return FieldError.of(
                    field,
                    "requests.field.file-too-large",
                    properties.delivery().maxUpload().toBytes() / (1024.0 * 1024.0)); // in megabytes, in words
        }
        return null;
    }
}
