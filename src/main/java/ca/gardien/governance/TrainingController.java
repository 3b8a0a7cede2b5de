package ca.gardien.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training campaigns: the person in charge and delegates start them; each member of the audience acknowledges with
 * the version seen; the record lists each person with the version and the time, for an auditor.
 */
@RestController
@RequestMapping("/api/v1/training/campaigns")
@Tag(name = "Training", description = "Training and awareness campaigns and acknowledgements")
class TrainingController {

    record Acknowledgement(Integer versionSeen) {}

    private final Training training;
    private final TrainingRecord record;

    TrainingController(Training training, TrainingRecord record) {
        this.training = training;
        this.record = record;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Start a campaign: title, policyId (policyVersion defaults to the published one) or module,"
                    + " roles, dueOn")
    Campaign start(@RequestBody Training.NewCampaign body, Authentication auth) {
        return training.start(body, GovernanceCaller.of(auth));
    }

    @GetMapping
    @Operation(summary = "The campaigns with their audience, acknowledgements and completion rate")
    List<Campaign> all(Authentication auth) {
        reader(auth);
        return training.all();
    }

    @PostMapping("/{id}/acknowledgements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Acknowledge the campaign as a member of its audience, with the version seen")
    Campaign acknowledge(@PathVariable String id, @RequestBody Acknowledgement body, Authentication auth) {
        return training.acknowledge(uuid(id), body.versionSeen(), GovernanceCaller.of(auth));
    }

    @GetMapping(value = "/{id}/record.csv", produces = "text/csv")
    @Operation(summary = "The record: each person of the audience with the version seen and the time (CSV)")
    ResponseEntity<byte[]> record(@PathVariable String id, Authentication auth) {
        reader(auth);
        return record.file(uuid(id), ca.gardien.shared.ApiLanguage.current()); // Accept-Language, French by default
    }

    /** The record and the rates: the person in charge, delegates and auditors (staff see their own campaigns only). */
    private static void reader(Authentication auth) {
        var caller = GovernanceCaller.of(auth);
        if (!caller.writes() && !caller.roles().contains(ca.gardien.organization.Role.AUDITOR)) {
            throw new AccessDeniedException("governance.campaign");
        }
    }

    private static UUID uuid(String id) {
        return GovernanceCaller.uuid(id);
    }
}
