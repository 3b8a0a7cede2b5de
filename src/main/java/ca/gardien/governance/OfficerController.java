package ca.gardien.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person in charge's written record (s. 3.1): who acts now, delegations in writing, the substitute and absences.
 * The person in charge records delegations and designates the substitute; absences are recorded by the person in
 * charge or a delegate other than the designated substitute ({@link Absences}: the account an absence empowers never
 * records it, and the person in charge is told at once of a delegate's), a delegate's for at most {@code
 * gardien.governance.max-absence} days in a row with those it runs into ({@link AbsencePeriods}). Absences stand side
 * by side, each ended on its own.
 */
@RestController
@RequestMapping("/api/v1/governance/person-in-charge")
@Tag(name = "Person in charge", description = "Delegations, the substitute for absence, who acts now")
class OfficerController {

    private final ActingOfficer officer;
    private final Absences absences;
    private final RecordEnds ends;

    OfficerController(ActingOfficer officer, Absences absences, RecordEnds ends) {
        this.officer = officer;
        this.absences = absences;
        this.ends = ends;
    }

    @GetMapping
    @Operation(summary = "Who acts as person in charge now, and every record behind it")
    ActingOfficer.Now now() {
        return officer.now();
    }

    @PostMapping("/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a delegation in writing: WHOLE or PART (part), to whom, from when, the signed SHA-256")
    OfficerRecord delegate(@RequestBody ActingOfficer.NewRecord body, Authentication auth) {
        return officer.record(
                OfficerRecord.Kind.DELEGATION, body, GovernanceCaller.of(auth).requireInCharge());
    }

    @PostMapping("/delegations/{id}/end")
    @Operation(summary = "End a delegation on a day (endsOn): only sooner than its recorded end, not before its start")
    OfficerRecord endDelegation(@PathVariable String id, @RequestBody RecordEnds.End body, Authentication auth) {
        return ends.end(id, OfficerRecord.Kind.DELEGATION, body, GovernanceCaller.of(auth));
    }

    @PostMapping("/substitute")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Designate the substitute (an account) who acts during an absence or inability to act")
    OfficerRecord substitute(@RequestBody ActingOfficer.NewRecord body, Authentication auth) {
        return officer.record(
                OfficerRecord.Kind.SUBSTITUTE, body, GovernanceCaller.of(auth).requireInCharge());
    }

    @PostMapping("/absences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record an absence of the person in charge (startsOn, endsOn): the substitute acts meanwhile; the"
                    + " person in charge or a delegate other than the substitute records it, and is told of it at once")
    OfficerRecord absence(@RequestBody ActingOfficer.NewRecord body, Authentication auth) {
        return absences.record(body, GovernanceCaller.of(auth));
    }

    @PostMapping("/absences/{id}/end")
    @Operation(
            summary = "End an absence sooner (endsOn: its last day, only sooner than recorded; the day before its start"
                    + " withdraws it): the person in charge is back")
    OfficerRecord endAbsence(@PathVariable String id, @RequestBody RecordEnds.End body, Authentication auth) {
        return ends.end(id, OfficerRecord.Kind.ABSENCE, body, GovernanceCaller.of(auth));
    }
}
