package ca.gardien.console;

import ca.gardien.mail.HeldMailRelease;
import ca.gardien.mail.OutboxView;
import ca.gardien.mail.OutboxViews;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.CurrentActor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox page: every message Gardien sent or would have sent, as a development mail catcher shows them, or only
 * the held ones ({@code held=true}: those that have not left). Only the person in charge and delegates open it: it
 * holds verification codes and download links. Only the person in charge sends a held email now, once a mail server
 * is configured.
 */
@Controller
@RequestMapping("/console/outbox")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class OutboxPages {

    private final OutboxViews outbox;
    private static final String ACCOUNT = "account:";

    private final FileReferences references;
    private final AccountViews accounts;
    private final HeldMailRelease release;

    OutboxPages(OutboxViews outbox, FileReferences references, AccountViews accounts, HeldMailRelease release) {
        this.outbox = outbox;
        this.references = references;
        this.accounts = accounts;
        this.release = release;
    }

    @GetMapping
    String messages(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "false") boolean held,
            Model model) {
        // a request's, a complaint's or an incident's reference (R-…, C-…, I-…) finds the messages about it: recipients
        // are sealed per person
        var about = q == null ? null : FileReferences.uuid(references.objectFilter(q.strip()));
        var result = outbox.page(q, page, about, held);
        model.addAttribute("result", result);
        model.addAttribute(
                "recipients",
                recipients(result.entries().stream().map(e -> e.recipient()).toList()));
        // the file each message is about, by its reference (officer's walk: the list did not say which request)
        var types = new HashMap<String, String>();
        result.entries().stream()
                .filter(e -> e.relatedId() != null && e.relatedType() != null)
                .forEach(e -> types.put(e.relatedId(), e.relatedType()));
        model.addAttribute("files", references.files(types));
        return "console/outbox";
    }

    /** The full text of one message; opening it is recorded in the ledger. */
    @GetMapping("/{id}")
    String message(@PathVariable UUID id, Authentication authentication, Model model) {
        var message = outbox.open(id, CurrentActor.of(authentication));
        model.addAttribute("message", message);
        model.addAttribute("about", about(message));
        model.addAttribute("recipients", recipients(List.of(message.entry().recipient())));
        return "console/outbox-message";
    }

    /**
     * Sends a held email now (a mail server configured since it was stored): sent once whatever the clicks, a ledger
     * fact; refused, back on the message's page with why (no mail server, not a held email, the server did not answer).
     */
    @PostMapping("/{id}/send")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    String sendNow(@PathVariable UUID id, Authentication authentication, RedirectAttributes flash) {
        var outcome = new HeldMailRelease.Outcome[1];
        var back = ca.gardien.shared.FormSteps.at("/console/outbox/" + id)
                .run(flash, () -> outcome[0] = release.sendNow(id, CurrentActor.of(authentication)));
        if (outcome[0] != null) { // what became of it: the mail server took it, or refused its address for good
            flash.addFlashAttribute("done", outcome[0] == HeldMailRelease.Outcome.SENT ? "sent" : "refused");
        }
        return back;
    }

    /**
     * An internal notice's recipient ({@code account:<id>}) by the account's name and username, one look-up of the
     * accounts for the page (officer's walk: an incident's reminder was sent to "account:d2162099-…").
     */
    private Map<String, String> recipients(List<String> shown) {
        if (shown.stream().noneMatch(r -> r != null && r.startsWith(ACCOUNT))) {
            return Map.of();
        }
        var names = new HashMap<String, String>();
        accounts.all()
                .forEach(a -> names.put(
                        ACCOUNT + a.id(),
                        a.name().equals(a.username()) ? a.name() : a.name() + " (" + a.username() + ")"));
        return names;
    }

    /** The file the message is about (its reference and page); null when about none (an account's, a policy's). */
    private FileReferences.File about(OutboxView message) {
        return references.file(message.relatedType(), message.relatedId());
    }
}
