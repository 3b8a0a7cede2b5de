package ca.gardien.console;

import ca.gardien.complaints.ComplaintLink;
import ca.gardien.complaints.Complaints;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An incident's page lists the complaints about it (the complaints module decides which files the reader may open:
 * auditors see none), the counterpart of the incident shown on the complaint's page.
 */
@ControllerAdvice(assignableTypes = IncidentPages.class)
class IncidentComplaints {

    private final Complaints complaints;

    IncidentComplaints(Complaints complaints) {
        this.complaints = complaints;
    }

    @ModelAttribute("complaints")
    List<ComplaintLink> complaints(@PathVariable(name = "id", required = false) UUID id, Authentication auth) {
        return id == null || auth == null ? List.of() : complaints.linkedToIncident(id, auth);
    }
}
