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

    ComplaintQueuePages(Complaints complaints, ca.gardien.complaints.ComplaintDesk desk) {
        this.complaints = complaints;
        this.desk = desk;
    }

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
        return "console/complaint";
    }
}
