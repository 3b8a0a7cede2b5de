package ca.gardien.console;

import ca.gardien.ledger.EvidenceLedger;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The ledger page's verification, its whole export and the key that verifies its signatures. */
@Controller
@RequestMapping("/console/ledger")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class LedgerFiles {

    private final EvidenceLedger ledger;

    LedgerFiles(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/verify")
    String verify(Model model) {
        model.addAttribute("report", ledger.verify());
        return "console/verify-result :: result";
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jsonl"))
                .header("Content-Disposition", "attachment; filename=\"gardien-ledger.jsonl\"")
                .body(ledger::export);
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    @ResponseBody
    String publicKey() {
        return ledger.publicKeyPem();
    }
}
