package ca.gardien.incidents;

import ca.gardien.organization.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who handles an entry and the measures taken: the person in charge and delegates assign an entry to an account and
 * record measures; a staff member records and completes the measures of the entries assigned to them.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
@Tag(name = "Incidents", description = "Register of confidentiality incidents, risk assessment, notices, measures")
class IncidentWorkController {

    private static final String WORKERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'STAFF')";

    private final Incidents incidents;
    private final IncidentMeasures measures;
    private final IncidentController views;

    IncidentWorkController(Incidents incidents, IncidentMeasures measures, IncidentController views) {
        this.incidents = incidents;
        this.measures = measures;
        this.views = views;
    }

    record MeasureDone(LocalDate doneOn) {}

    /** {@code accountId} null: the entry is handled by nobody in particular. */
    @io.swagger.v3.oas.annotations.media.Schema(
            name = "IncidentAssignment") // one name per schema (OpenApiSchemaNamesTest)
    record Assignment(UUID accountId) {}

    @PutMapping("/assignment")
    @PreAuthorize(IncidentController.WRITERS)
    @Operation(summary = "Assign the entry to an account that handles incidents (staff then see and work it)")
    IncidentController.IncidentView assign(@PathVariable UUID id, @RequestBody Assignment a, Authentication auth) {
        return views.view(incidents.assign(id, a.accountId(), CurrentActor.of(auth)));
    }

    @PostMapping("/measures")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Add a containment, mitigation or prevention measure with its owner and dates")
    IncidentController.IncidentView addMeasure(@PathVariable UUID id, @RequestBody NewMeasure m, Authentication auth) {
        incidents.get(id, IncidentCaller.of(auth));
        return views.view(measures.addMeasure(id, m, CurrentActor.of(auth)));
    }

    @PostMapping("/measures/{measureId}/done")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Record the date a measure was done")
    IncidentController.IncidentView measureDone(
            @PathVariable UUID id, @PathVariable UUID measureId, @RequestBody MeasureDone done, Authentication auth) {
        incidents.get(id, IncidentCaller.of(auth));
        return views.view(measures.measureDone(id, measureId, done.doneOn(), CurrentActor.of(auth)));
    }
}
