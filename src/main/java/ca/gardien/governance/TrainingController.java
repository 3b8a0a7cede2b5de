package ca.gardien.governance;

import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private final MessageSource messages;

    TrainingController(Training training, MessageSource messages) {
        this.training = training;
        this.messages = messages;
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
    ResponseEntity<byte[]> record(@PathVariable String id, Authentication auth, Locale locale) {
        reader(auth);
        var campaignId = uuid(id);
        var campaign = training.campaign(campaignId);
        var language = Language.of(locale);
        var header = List.of("username", "name", "version", "module", "acknowledged-at", "reminders").stream()
                .map(k -> messages.getMessage("governance.record." + k, null, language.locale()))
                .toList();
        var rows = training.members(campaignId).stream()
                .map(m -> List.of(
                        m.username(),
                        m.displayName() == null ? "" : m.displayName(),
                        m.versionSeen() == null ? "" : String.valueOf(m.versionSeen()),
                        m.moduleSeen() == null ? "" : m.moduleSeen(),
                        m.acknowledgedAt() == null ? "" : m.acknowledgedAt().toString(),
                        String.valueOf(m.reminders())))
                .toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("training-" + campaign.id() + ".csv")
                                .build()
                                .toString())
                .body(Listing.csv(header, rows).getBytes(StandardCharsets.UTF_8));
    }

    /** The record and the rates: the person in charge, delegates and auditors (staff see their own campaigns only). */
    private static void reader(Authentication auth) {
        var caller = GovernanceCaller.of(auth);
        if (!caller.writes() && !caller.roles().contains(ca.gardien.organization.Role.AUDITOR)) {
            throw new AccessDeniedException("governance.campaign");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "governance.field.id");
        }
    }
}
