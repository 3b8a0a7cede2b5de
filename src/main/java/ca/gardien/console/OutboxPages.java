package ca.gardien.console;

import ca.gardien.mail.OutboxViews;
import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.RequestViews;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox page: every message Gardien sent or would have sent, as a development mail catcher shows them. Only the
 * person in charge and delegates open it: it holds verification codes and download links.
 */
@Controller
@RequestMapping("/console/outbox")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class OutboxPages {

    private final OutboxViews outbox;
    private final RequestViews requests;
    private final LedgerReferences references;

    OutboxPages(OutboxViews outbox, RequestViews requests, LedgerReferences references) {
        this.outbox = outbox;
        this.references = references;
        this.requests = requests;
    }

    @GetMapping
    String messages(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        // a request's or a complaint's reference (R-…, C-…) finds the messages about it: recipients are sealed per
        // person
        model.addAttribute(
                "result", outbox.page(q, page, q == null ? null : about(references.objectFilter(q.strip()))));
        return "console/outbox";
    }

    /** The full text of one message; opening it is recorded in the ledger. */
    @GetMapping("/{id}")
    String message(@PathVariable UUID id, Authentication authentication, Model model) {
        var message = outbox.open(id, CurrentActor.of(authentication));
        model.addAttribute("message", message);
        // the request the message is about, named by its reference (R-…) as everywhere else; none once it is gone
        model.addAttribute("requestReference", message.aboutRequest() ? reference(message.relatedId()) : null);
        return "console/outbox-message";
    }

    private static UUID about(String file) {
        try {
            return file.length() == 36 ? UUID.fromString(file) : null;
        } catch (IllegalArgumentException notAFile) {
            return null;
        }
    }

    private String reference(String requestId) {
        try {
            var id = UUID.fromString(requestId);
            return requests.referencesOf(List.of(id)).get(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
