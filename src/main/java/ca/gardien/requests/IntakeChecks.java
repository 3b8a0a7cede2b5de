package ca.gardien.requests;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Locale;
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

    /**
     * @throws InvalidInputException naming every bad field
     */
    void check(NewRequest input, RequestIntake.Upload letter) {
        var errors = new ArrayList<>(input.errors(properties.phoneRegion()));
        var jurisdiction =
                input.jurisdiction() == null ? "" : input.jurisdiction().strip().toUpperCase(Locale.ROOT);
        if (!deadlines.jurisdictions().contains(jurisdiction)) {
            errors.add(FieldError.of("jurisdiction", "shared.field.one-of", deadlines.jurisdictions()));
        }
        if (input.receivedAt() != null && !DateRange.contains(input.receivedAt())) {
            errors.add(DateRange.outside("receivedAt"));
        }
        if (input.subjectCategory() != null
                && inventory.current().subjectCategories().stream()
                        .noneMatch(c -> c.id().equals(input.subjectCategory()))) {
            errors.add(FieldError.of("subjectCategory", "requests.field.subject-category"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (letter != null) {
            checkUpload("letter", letter);
        }
    }

    /** A file must not be empty nor larger than {@code gardien.requests.delivery.max-upload}. */
    void checkUpload(String field, RequestIntake.Upload upload) {
        if (upload.content() == null || upload.content().length == 0) {
            throw new InvalidInputException(field, "requests.field.file-empty");
        }
        if (upload.content().length > properties.delivery().maxUpload().toBytes()) {
            throw new InvalidInputException(
                    field,
                    "requests.field.file-too-large",
                    properties.delivery().maxUpload().toBytes() / (1024.0 * 1024.0)); // in megabytes, in words
        }
    }
}
