package ca.gardien.console;

import ca.gardien.connectors.Rectifications;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.RemedyDefaults;
import ca.gardien.requests.RequestViews;
import ca.gardien.requests.TaskFindings;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One request as the requests module shows it to the reader's roles: its facts from the ledger (timeline), tasks,
 * messages from the outbox, pending documents and the actions the role and the status allow. Identifiers are shown in
 * clear to those who work requests and masked to auditors; message bodies (which hold codes and links) are not shown.
 */
@Controller
class RequestPage {

    private final RequestViews views;
    private final Rectifications rectifications;
    private final ca.gardien.complaints.Complaints complaints;
    private final Inventory inventory;
    private final AccountViews accounts;
    private final RemedyDefaults remedies;

    RequestPage(
            RequestViews views,
            Rectifications rectifications,
            ca.gardien.complaints.Complaints complaints,
            Inventory inventory,
            AccountViews accounts,
            RemedyDefaults remedies) {
        this.accounts = accounts;
        this.remedies = remedies;
        this.complaints = complaints;
        this.inventory = inventory;
        this.views = views;
        this.rectifications = rectifications;
    }

    /** Rows the form of a task found by hand offers; more with {@code ?rows=}, up to the limit. */
    static final int FOUND_ROWS = 3; // a card per task: a long form on each made a page of 7 tasks 16,000 px tall

    /** @param rows how many rows of what was found each task's form offers (more than the default on demand) */
    @GetMapping("/console/requests/{id}")
    String request(
            @PathVariable UUID id, @RequestParam(required = false) Integer rows, Authentication auth, Model model) {
        var view = views.of(id, CurrentActor.of(auth), CurrentActor.roles(auth));
        var actions = view.actions();
        model.addAttribute("request", view.request());
        model.addAttribute("canProvePerson", actions.proveIdentity());
        model.addAttribute("identifierBases", view.identifierBases());
        model.addAttribute("personBases", view.personBases());
        // the personal information was destroyed at the end of its retention period: the page says so, and when
        model.addAttribute("purgedOn", view.purgedOn());
        model.addAttribute("row", RequestQueue.row(view.request(), view.today()));
        model.addAttribute("timeline", view.timeline());
        model.addAttribute("tasks", view.tasks());
        // whom each task is assigned to, by name (never an account id)
        var names = new java.util.HashMap<UUID, String>();
        view.tasks().stream()
                .map(t -> t.assignee())
                .filter(a -> a != null)
                .distinct()
                .forEach(a -> accounts.nameOf(a).ifPresent(n -> names.put(a, n)));
        model.addAttribute("assigneeNames", names);
        // what each task recorded as found, and the tasks found from which the package would hold nothing
        model.addAttribute("found", view.found());
        model.addAttribute("foundFields", view.foundFields());
        model.addAttribute("emptyFound", view.emptyFound());
        int foundRows = Math.clamp(rows == null ? FOUND_ROWS : rows, FOUND_ROWS, TaskFindings.MAX_ROWS);
        model.addAttribute("foundRows", foundRows);
        model.addAttribute("maxFoundRows", String.valueOf(TaskFindings.MAX_ROWS)); // "more rows" posts what was typed
        // each task's system by its name in the data map, never its id (its id when the map no longer has it)
        model.addAttribute("systemNames", inventory.current().systemNames());
        // systems whose rectification tasks a connector applies: the page offers the corrections form for them
        model.addAttribute("rectifiable", rectifications.systemsOf(view));
        model.addAttribute("messages", view.messages());
        model.addAttribute("response", view.response());
        // what a refusal's remedy fields start with before a draft: the jurisdiction profile's, in the request's
        // language
        model.addAttribute("remedy", remedies.of(view.request()));
        // the saved answer's letter may be read before it goes; once sent, the section says what went and how
        model.addAttribute(
                "canPreview", view.previewable() && (actions.draft() || actions.approve() || actions.send()));
        model.addAttribute("answered", view.answered());
        model.addAttribute("sentBy", view.sentBy());
        model.addAttribute("sent", view.sent());
        // a link whose message waits in the outbox (no sender): said placed there, with a warning and the message
        model.addAttribute("answerHeld", view.answerHeld());
        model.addAttribute("sentHeld", view.sentHeld());
        model.addAttribute("answerUndelivered", view.answerUndelivered());
        model.addAttribute("answerMessage", view.answerMessage());
        model.addAttribute("linkHeld", view.linkHeld());
        model.addAttribute("answerDocuments", view.answerDocuments());
        model.addAttribute("pendingDocuments", view.pendingDocuments());
        model.addAttribute("me", CurrentActor.accountId(auth).orElse(null));
        model.addAttribute("canWrite", actions.write());
        model.addAttribute("canApprove", actions.approve());
        model.addAttribute("canSend", actions.send());
        // no verified email or phone: the answer goes by post or in person, from the package the page offers
        model.addAttribute("canTakeAnswer", actions.takeAnswer());
        model.addAttribute("handOver", view.handOver());
        model.addAttribute("canClose", actions.close());
        model.addAttribute("canExtend", actions.extend());
        model.addAttribute("canReviewProof", actions.reviewProof());
        model.addAttribute("canDraft", actions.draft());
        model.addAttribute("codeKinds", actions.sendCode());
        model.addAttribute("outcomes", view.outcomes());
        model.addAttribute("canAnnotate", actions.annotate());
        model.addAttribute("notes", view.notes());
        model.addAttribute("files", view.files());
        model.addAttribute("joinable", view.joinable());
        model.addAttribute("complaints", complaints.linkedTo(id, auth));
        return "console/request";
    }
}
