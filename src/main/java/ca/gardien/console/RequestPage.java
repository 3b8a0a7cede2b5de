package ca.gardien.console;

import ca.gardien.connectors.RequestTaskRuns;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.ledger.LedgerEntry;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import ca.gardien.requests.Deadlines;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RequestTask;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.Requests;
import ca.gardien.requests.ResponseDraft;
import ca.gardien.requests.Responses;
import ca.gardien.requests.StaffProof;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One request: its facts from the ledger (timeline), tasks, messages from the outbox and the actions the role and the
 * status allow. Identifiers are shown in clear to those who work requests and masked to auditors; message bodies
 * (which hold codes and links) are not shown.
 */
@Controller
class RequestPage {

    private static final Pattern DOCUMENT = Pattern.compile("\"document\":\"([0-9a-f-]{36})\"");

    private final Requests requests;
    private final RequestTasks tasks;
    private final Responses responses;
    private final EvidenceLedger ledger;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final Clock clock;

    private final RequestTaskRuns taskRuns;

    RequestPage(
            Requests requests,
            RequestTasks tasks,
            Responses responses,
            EvidenceLedger ledger,
            Outbox outbox,
            Deadlines deadlines,
            RequestTaskRuns taskRuns,
            Clock clock) {
        this.taskRuns = taskRuns;
        this.requests = requests;
        this.tasks = tasks;
        this.responses = responses;
        this.ledger = ledger;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GetMapping("/console/requests/{id}")
    String request(@PathVariable UUID id, Authentication auth, Model model) {
        var request = requests.get(id);
        var timeline = ledger.about("request", id.toString(), 500);
        var roles = CurrentActor.roles(auth);
        boolean writer =
                roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE) || roles.contains(Role.STAFF);
        // identifiers in clear for those who work requests, masked for auditors (least exposure)
        model.addAttribute("request", Requests.seesIdentifiers(roles) ? request : request.masked());
        model.addAttribute(
                "canProvePerson",
                (roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE))
                        && request.status() == RequestStatus.RECEIVED
                        && request.personProof() == null);
        model.addAttribute("identifierBases", StaffProof.Basis.forIdentifier());
        model.addAttribute("personBases", StaffProof.Basis.forPerson());
        // the personal information was destroyed at the end of its retention period: the page says so, and when
        model.addAttribute(
                "purgedOn",
                request.purgedAt() == null ? null : deadlines.dayOf(request.jurisdiction(), request.purgedAt()));
        model.addAttribute("row", RequestQueue.row(request, deadlines.dayOf(request.jurisdiction(), clock.instant())));
        model.addAttribute("timeline", timeline);
        var taskList = tasks.of(id);
        model.addAttribute("tasks", taskList);
        // systems whose rectification tasks a connector applies: the page offers the corrections form for them
        model.addAttribute(
                "rectifiable",
                request.type() == RequestType.RECTIFICATION
                        ? taskList.stream()
                                .map(RequestTask::systemId)
                                .filter(taskRuns::rectifiesFor)
                                .collect(java.util.stream.Collectors.toSet())
                        : java.util.Set.of());
        model.addAttribute("messages", outbox.about(id.toString()));
        model.addAttribute("response", draft(id));
        model.addAttribute("pendingDocuments", pendingDocuments(timeline));
        model.addAttribute("me", CurrentActor.accountId(auth).orElse(null));
        model.addAttribute("canWrite", writer && request.status().isOpen());
        model.addAttribute(
                "canApprove",
                (roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE))
                        && request.status() == RequestStatus.RESPONSE_DRAFTED);
        model.addAttribute("canSend", writer && request.status() == RequestStatus.APPROVED);
        model.addAttribute("canClose", writer && request.status() == RequestStatus.SENT);
        model.addAttribute(
                "canExtend",
                writer
                        && request.status().isOpen()
                        && request.extendedDueOn() != null
                        && !request.extendedDueOn().equals(request.dueOn()));
        model.addAttribute("outcomes", ResponseDraft.OUTCOMES);
        return "console/request";
    }

    private ResponseDraft draft(UUID id) {
        try {
            return responses.of(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Representatives' documents filed and not yet reviewed, read from the request's facts. */
    static List<String> pendingDocuments(List<LedgerEntry> timeline) {
        var pending = new LinkedHashSet<String>();
        for (var entry : timeline) {
            var matcher = DOCUMENT.matcher(entry.payload());
            if (!matcher.find()) {
                continue;
            }
            if (entry.action().equals("requests.representative-document-filed")) {
                pending.add(matcher.group(1));
            } else if (entry.action().equals("requests.representative-document-reviewed")) {
                pending.remove(matcher.group(1));
            }
        }
        return List.copyOf(pending);
    }
}
