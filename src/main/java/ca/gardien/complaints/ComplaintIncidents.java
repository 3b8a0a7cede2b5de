package ca.gardien.complaints;

import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.Incidents;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The confidentiality incidents a complaint concerns (table {@code complaints_incident_link}): linking is a timeline
 * line and a ledger fact with the two ids; each side's page lists the other.
 */
@Component
class ComplaintIncidents {

    private final ComplaintIncidentLinks links;
    private final ComplaintFiles files;
    private final Incidents incidents;
    private final Clock instants;

    ComplaintIncidents(ComplaintIncidentLinks links, ComplaintFiles files, Incidents incidents, Clock instants) {
        this.links = links;
        this.files = files;
        this.incidents = incidents;
        this.instants = instants;
    }

    ComplaintView link(UUID id, String incidentId, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        var errors = new ArrayList<FieldError>();
        var incident = ComplaintFiles.uuid(incidentId, "incidentId", errors);
        if (incident == null && errors.isEmpty()) {
            errors.add(FieldError.of("incidentId", "shared.field.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try { // one answer for an incident that does not exist and one the caller may not read
            incidents.get(incident, new IncidentCaller(caller.actor(), caller.roles(), caller.accountId()));
        } catch (NotFoundException e) {
            throw new InvalidInputException("incidentId", "complaints.field.incident-unknown");
        }
        if (links.of(id).contains(incident)) {
            return files.view(c); // linked already: nothing new to record
        }
        links.insert(id, incident, instants.instant());
        return files.view(
                files.save(c, "linked-incident", Map.of("incidentId", incident.toString()), caller.actor(), null));
    }

    /** The complaints about an incident. */
    List<UUID> about(UUID incidentId) {
        return links.about(incidentId);
    }
}
