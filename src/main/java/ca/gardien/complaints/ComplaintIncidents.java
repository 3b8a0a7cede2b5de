package ca.gardien.complaints;

import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.IncidentReferences;
import ca.gardien.incidents.Incidents;
import ca.gardien.shared.FieldError;
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
    private final IncidentReferences references;
    private final Clock instants;

    ComplaintIncidents(
            ComplaintIncidentLinks links,
            ComplaintFiles files,
            Incidents incidents,
            IncidentReferences references,
            Clock instants) {
        this.references = references;
        this.links = links;
        this.files = files;
        this.incidents = incidents;
        this.instants = instants;
    }

    /**
     * The incident a staff member named, by its id or its reference ("I-2026-00003"), if the caller may read it; else an
     * error of {@code incidentId} (null returned), the same for one that does not exist and one the caller may not read.
     */
    UUID incident(String value, ComplaintCaller caller, List<FieldError> errors) {
        var byReference = references.idOf(value);
        var id = byReference.isPresent()
                ? byReference.get()
                : ComplaintFiles.uuid(value, "incidentId", new ArrayList<>());
        try {
            if (id != null) {
                incidents.get(id, new IncidentCaller(caller.actor(), caller.roles(), caller.accountId()));
                return id;
            }
        } catch (NotFoundException e) {
            // as unknown
        }
        errors.add(FieldError.of("incidentId", "complaints.field.incident-unknown"));
        return null;
    }

    ComplaintView link(UUID id, UUID incident, ComplaintCaller caller) {
        var c = files.opened(id, caller);
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
