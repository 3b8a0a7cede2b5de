package ca.gardien.console;

import ca.gardien.complaints.ComplaintStatus;
import ca.gardien.complaints.ComplaintView;
import ca.gardien.complaints.Complaints;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The complaint queue (days left and urgency, filters and search) and the file page with its timeline in words. The
 * files are confidential: the module decides who sees which file; this page only renders what it returns.
 */
@Controller
class ComplaintQueuePages {

    static final List<String> URGENCIES = List.of("OVERDUE", "DUE_SOON", "ON_TRACK", "STOPPED", "DONE");

    private final Complaints complaints;
    private final ca.gardien.complaints.ComplaintDesk desk;
    private final ca.gardien.incidents.Incidents incidents;
    private final ca.gardien.incidents.IncidentReferences references;

    ComplaintQueuePages(
            Complaints complaints,
            ca.gardien.complaints.ComplaintDesk desk,
            ca.gardien.incidents.Incidents incidents,
            ca.gardien.incidents.IncidentReferences references) {
        this.complaints = complaints;
        this.desk = desk;
        this.incidents = incidents;
        this.references = references;
    }

    /** An incident the complaint may concern, as the link form offers it: its reference, title and day it became known. */
    public record IncidentChoice(UUID id, String reference, String title, java.time.LocalDate awareOn) {}

    @GetMapping("/console/complaints")
    String queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String urgency,
            @RequestParam(name = "q", required = false) String search,
            Authentication auth,
            Model model) {
        var chosenStatus = RequestQueuePages.parse(ComplaintStatus.class, status);
        var chosenUrgency = urgency != null && URGENCIES.contains(urgency) ? urgency : null;
        var query = search == null || search.length() > 200 ? null : search;
        List<ComplaintView> rows = complaints.queue(chosenStatus, query, auth).stream()
                .filter(c -> chosenUrgency == null || chosenUrgency.equals(c.urgency()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "statuses",
                Arrays.stream(ComplaintStatus.values()).map(Enum::name).toList());
        model.addAttribute("urgencies", URGENCIES);
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("urgency", chosenUrgency == null ? "" : chosenUrgency);
        model.addAttribute("q", query == null ? "" : query);
        return "console/complaints";
    }

    @GetMapping("/console/complaints/{id}")
    String file(@PathVariable UUID id, Authentication auth, Model model) {
        var page = desk.page(id, auth);
        model.addAttribute("file", page.file());
        model.addAttribute("page", page);
        model.addAttribute("assignee", page.assignedTo());
        var caller = ca.gardien.incidents.IncidentCaller.of(auth);
        // each incident concerned by its reference, and its title when the reader may read the entry
        var names =
                new java.util.HashMap<UUID, String>(references.of(page.file().incidents()));
        for (var linked : names.keySet()) {
            try {
                names.put(
                        linked,
                        names.get(linked) + " — "
                                + incidents.get(linked, caller).title());
            } catch (ca.gardien.shared.NotFoundException
                    | org.springframework.security.access.AccessDeniedException e) {
                // not the reader's to see: the reference alone
            }
        }
        model.addAttribute("incidentNames", names);
        if (page.may("link")) {
            // the register's incidents the reader may see, by reference and title: nobody types an incident's id
            model.addAttribute(
                    "incidentChoices",
                    incidents.all(caller).stream()
                            .map(i -> new IncidentChoice(
                                    i.id(),
                                    i.reference(),
                                    i.title(),
                                    i.awareAt()
                                            .atZoneSameInstant(incidents.zone())
                                            .toLocalDate()))
                            .toList());
        }
        return "console/complaint";
    }
}
