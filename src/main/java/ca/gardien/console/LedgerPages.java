package ca.gardien.console;

import ca.gardien.ledger.EvidenceLedger;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Controller
@RequestMapping("/console/ledger")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class LedgerPages {

    private static final int PAGE = 50;
    private final EvidenceLedger ledger;

    LedgerPages(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    /** Newest first, {@value PAGE} at a time. */
    @GetMapping
    String entries(@RequestParam(required = false) Long before, Model model) {
        long head = ledger.status().entries();
        long upTo = before == null ? head : Math.min(Math.max(before, 1), head + 1) - 1;
        long after = Math.max(0, upTo - PAGE);
        var entries = ledger.entries(after, (int) (upTo - after)).reversed();
        model.addAttribute("entries", entries);
        model.addAttribute("older", after > 0 ? after + 1 : null);
        return "console/ledger";
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
