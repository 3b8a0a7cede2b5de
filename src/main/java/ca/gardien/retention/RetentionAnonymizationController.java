package ca.gardien.retention;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The register of anonymizations: an entry per anonymizing rule, its risk analyses, the register as CSV. */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention", description = "Retention schedules swept in the organization's databases, holds, certificates")
class RetentionAnonymizationController {

    private final RetentionAnonymizations register;
    private final RetentionRegisterCsv csv;

    RetentionAnonymizationController(RetentionAnonymizations register, RetentionRegisterCsv csv) {
        this.register = register;
        this.csv = csv;
    }

    @GetMapping("/rules/{rule}/anonymization")
    @PreAuthorize(RetentionController.READERS)
    @Operation(summary = "The register entry of an anonymizing rule, with its risk analyses")
    RetentionAnonymizations.Entry entry(@PathVariable String rule) {
        return register.find(rule).orElseThrow(() -> new NotFoundException("retention.object.anonymization", rule));
    }

    @PutMapping("/rules/{rule}/anonymization")
    @PreAuthorize(RetentionController.WRITERS)
    @Operation(summary = "Record (or update) the purposes, supervisor, information, techniques and security measures")
    RetentionAnonymizations.Entry record(
            @PathVariable String rule, @RequestBody RetentionAnonymizations.NewEntry body, Authentication auth) {
        return register.record(rule, body, CurrentActor.of(auth));
    }

    @PostMapping("/rules/{rule}/anonymization/analyses")
    @PreAuthorize(RetentionController.WRITERS)
    @Operation(summary = "Add a re-identification risk analysis on the three criteria, with its conclusion")
    ResponseEntity<RetentionAnonymizations.Entry> analyse(
            @PathVariable String rule, @RequestBody RetentionAnonymizations.NewAnalysis body, Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED).body(register.analyse(rule, body, CurrentActor.of(auth)));
    }

    @GetMapping(value = "/anonymizations.csv", produces = "text/csv")
    @PreAuthorize(RetentionController.READERS)
    @Operation(summary = "The register of anonymizations as CSV, headers in the caller's language")
    ResponseEntity<String> csv() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"anonymizations.csv\"")
                .body(csv.csv(ApiLanguage.current()));
    }
}
