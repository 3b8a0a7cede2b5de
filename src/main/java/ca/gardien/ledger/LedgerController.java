package ca.gardien.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Evidence ledger", description = "Read, verify and export the tamper-evident evidence ledger")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class LedgerController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

    record Page(List<LedgerEntry> entries, Long nextAfter) {}

    private final EvidenceLedger ledger;

    LedgerController(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/verify")
    @Operation(
            summary = "Re-compute the whole chain and check every signed checkpoint",
            description = "Also checks the checkpoint schedule, that every checkpoint of the checkpoint log kept"
                    + " outside the database is still there, and reports the ledger invalid while the signing alarm"
                    + " is raised (docs/ledger-format.md).")
    VerificationReport verify() {
        return ledger.verify();
    }

    @GetMapping("/entries")
    @Operation(summary = "Entries with a sequence greater than `after`, oldest first")
    Page entries(
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        var entries = ledger.entries(after, limit);
        return new Page(
                entries, entries.size() < limit ? null : entries.getLast().sequence());
    }

    @GetMapping(value = "/export", produces = "application/jsonl")
    @Operation(summary = "The whole ledger as JSON Lines: entries, then checkpoints, then public keys")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"gardien-ledger.jsonl\"")
                .body(ledger::export);
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The Ed25519 public key that signs checkpoints (PEM)")
    String publicKey() {
        return ledger.publicKeyPem();
    }
}
