package ca.gardien.console;

import ca.gardien.complaints.Complaints;
import ca.gardien.incidents.IncidentReferences;
import ca.gardien.mail.OutboxView;
import ca.gardien.mail.OutboxViews;
import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.RequestViews;
import java.util.List;
import java.util.Map;
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
    private final Complaints complaints;
    private final IncidentReferences incidents;
    private final LedgerReferences references;

    OutboxPages(
            OutboxViews outbox,
            RequestViews requests,
            Complaints complaints,
            IncidentReferences incidents,
            LedgerReferences references) {
        this.outbox = outbox;
        this.references = references;
        this.requests = requests;
        this.complaints = complaints;
        this.incidents = incidents;
    }

    /**
     * The file a message is about, named by its reference (R-…, C-…, I-…) as everywhere else and linked to its page; its
     * kind alone once it is gone.
     */
    record About(String kind, String reference, String href) {}

    @GetMapping
    String messages(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        // a request's, a complaint's or an incident's reference (R-…, C-…, I-…) finds the messages about it: recipients
        // are sealed per
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
        model.addAttribute("about", about(message));
        return "console/outbox-message";
    }

    private static UUID about(String file) {
        try {
            return file.length() == 36 ? UUID.fromString(file) : null;
        } catch (IllegalArgumentException notAFile) {
            return null;
        }
    }

    /** Null when the message is about no file (an account's, a policy's subscribers'). */
    private About about(OutboxView message) {
        var id = message.relatedId() == null ? null : about(message.relatedId());
        if (id == null) {
            return null;
        }
        Map<UUID, String> found = switch (String.valueOf(message.relatedType())) {
            case "request" -> requests.referencesOf(List.of(id));
            case "complaint" -> complaints.referencesOf(List.of(id));
            case "incident" -> incidents.of(List.of(id));
            default -> null;
        };
        return found == null
                ? null
                : new About(message.relatedType(), found.get(id), "/console/" + message.relatedType() + "s/" + id);
    }
}
