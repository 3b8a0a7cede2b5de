package ca.gardien.inventory;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory")
@Tag(name = "Inventory", description = "The data map as code: export, plan, apply; legal gaps")
class InventoryController {

    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);
    private static final String[] YAML_TYPES = {
        "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"
    };

    private final Inventory inventory;
    private final GapReport gaps;

    private final MessageSource messages;

    InventoryController(Inventory inventory, GapReport gaps, MessageSource messages) {
        this.messages = messages;
        this.inventory = inventory;
        this.gaps = gaps;
    }

    @GetMapping("/gaps")
    @Operation(summary = "The legal gaps of the data map; explanations in French unless lang=en")
    List<Gap> gaps(@RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        return gaps.gaps(Locale.forLanguageTag(lang));
    }

    @PutMapping("/gaps/{id}")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')")
    @Operation(
            summary = "Record the decision on a gap: status (open, in-progress, risk-accepted with a reason, resolved)"
                    + " and owner (person in charge and delegates)")
    Gap decide(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,300}") String id,
            @RequestBody GapDecisionBody body,
            Authentication auth) {
        return gaps.decide(
                id, body.status(), body.owner(), body.reason(), CurrentActor.of(auth), ApiLanguage.current());
    }

    /** The decision on a gap, as sent by the caller. */
    record GapDecisionBody(String status, String owner, String reason) {}

    @GetMapping(
            value = "/export",
            produces = {"application/yaml", "*/*"})
    @Operation(
            summary = "The whole data map as YAML, in canonical order; its ETag is the revision, for the If-Match of an"
                    + " apply made from it")
    ResponseEntity<String> export() {
        var revision = inventory.revision(); // read first: a map applied meanwhile makes the tag older, never newer
        return ResponseEntity.ok()
                .contentType(YAML)
                .eTag(String.valueOf(revision))
                .body(inventory.export());
    }

    @PostMapping(
            value = "/plan",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"})
    @Operation(summary = "What applying a YAML data map would add, change and remove; nothing is changed")
    Plan plan(@RequestBody(required = false) String yaml) { // none: "the document is empty", not "not JSON"
        return inventory.plan(yaml);
    }

    @PostMapping(
            value = "/apply",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"})
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')")
    @Operation(
            summary = "Replace the data map with a YAML document, atomically (person in charge and delegates); with"
                    + " If-Match (the export's ETag), a 409 when another apply came since the export was read")
    Plan apply(
            @RequestBody(required = false) String yaml,
            @org.springframework.web.bind.annotation.RequestHeader(
                            value = ca.gardien.shared.IfMatch.HEADER,
                            required = false)
                    String seen,
            Authentication auth) {
        var expected = ca.gardien.shared.IfMatch.of(seen); // not a list of entity tags nor *: a 400 naming the header
        return expected == null
                ? inventory.apply(yaml, CurrentActor.of(auth))
                : inventory.apply(yaml, CurrentActor.of(auth), r -> expected.matches(String.valueOf(r)));
    }

    @GetMapping(value = "/record-of-processing.csv", produces = "text/csv")
    @Operation(summary = "The record of processing as CSV; headers and names in French unless lang=en")
    ResponseEntity<String> recordCsv(@RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        var locale = Locale.forLanguageTag(lang);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"record-of-processing-" + lang + ".csv\"")
                .body(inventory.recordOfProcessingCsv(locale));
    }

    @GetMapping(value = "/record-of-processing", produces = "application/json")
    @Operation(summary = "The record of processing as JSON; names in French unless lang=en")
    RecordOfProcessing recordJson(@RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        return inventory.recordOfProcessing(Locale.forLanguageTag(lang));
    }

    @GetMapping(value = "/map.svg", produces = "image/svg+xml")
    @Operation(summary = "The data-flow picture: subjects, systems, third parties; flows leaving Québec in red")
    ResponseEntity<String> picture(@RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        return ResponseEntity.ok()
                .contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
                .body(inventory.picture(Locale.forLanguageTag(lang)));
    }

    /** Errors carry {@code path} rather than {@code field}: they point into a document, not a form. */
    @ExceptionHandler(InvalidDataMapException.class)
    ProblemDetail invalid(InvalidDataMapException e) {
        var pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                messages.getMessage("inventory.problem.map-errors", null, ApiLanguage.current()));
        pd.setType(ProblemTypes.VALIDATION);
        pd.setProperty("errors", MapError.in(e.errors(), messages, ApiLanguage.current()));
        return pd;
    }
}
