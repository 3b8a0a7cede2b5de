package ca.gardien.incidents;

import ca.gardien.organization.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The persons an incident concerns, found through database connectors and notified through the mail outbox, and the
 * supplementary information sent to the Commission after its first notice. The mailing file holds addresses, so only
 * those who write the register may export it.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
@Tag(name = "Incidents", description = "Register of confidentiality incidents, risk assessment, notices, measures")
class IncidentPersonsController {

    private static final String READERS = IncidentController.READERS;
    private static final String WRITERS = IncidentController.WRITERS;

    private final IncidentPersons persons;
    private final CommissionSupplements supplements;
    private final IncidentDeliveries deliveries;

    private final PersonsTransmissions transmissions;

    IncidentPersonsController(
            IncidentPersons persons,
            CommissionSupplements supplements,
            IncidentDeliveries deliveries,
            PersonsTransmissions transmissions) {
        this.transmissions = transmissions;
        this.deliveries = deliveries;
        this.persons = persons;
        this.supplements = supplements;
    }

    /** Which rows of which table of which connector; a window ({@code from}, {@code to}) or {@code keys}. */
    record Search(
            String connector,
            String table,
            String emailColumn,
            String languageColumn,
            String timeColumn,
            OffsetDateTime from,
            OffsetDateTime to,
            String keyColumn,
            List<String> keys,
            String defaultLanguage) {}

    record NewSupplement(LocalDate sentOn, String information) {}

    /** The date the persons' notices left outside Gardien's mail server, and how (by post, a mailing of one's own). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IncidentPersonsNewTransmission")
    record NewTransmission(LocalDate sentOn, String means) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "IncidentPersonsDone") // one name per schema (OpenApiSchemaNamesTest)
    record Done(int destroyed) {}

    @PostMapping("/persons/search")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Count the persons of a connector's table and keep those in a time window or list of keys")
    IncidentPersons.Found search(@PathVariable UUID id, @RequestBody Search s, Authentication auth) {
        return persons.find(
                id,
                new IncidentPersons.Search(
                        s.connector(),
                        s.table(),
                        s.emailColumn(),
                        s.languageColumn(),
                        s.timeColumn(),
                        s.from() == null ? null : s.from().toInstant(),
                        s.to() == null ? null : s.to().toInstant(),
                        s.keyColumn(),
                        s.keys(),
                        s.defaultLanguage()),
                CurrentActor.of(auth));
    }

    @GetMapping("/persons")
    @PreAuthorize(READERS)
    @Operation(summary = "Each person's delivery (outbox message and status, never the address)")
    List<IncidentDeliveries.Delivery> deliveries(@PathVariable UUID id) {
        return persons.deliveries(id);
    }

    @PostMapping("/persons/notify")
    @PreAuthorize(WRITERS)
    @Operation(
            summary = "Send the notice to each person found through the outbox; with a mail server their addresses are"
                    + " then erased and the notice dated, without one the notices wait in the outbox undated")
    List<IncidentDeliveries.Delivery> notifyPersons(@PathVariable UUID id, Authentication auth) {
        return persons.notifyAll(id, CurrentActor.of(auth));
    }

    @PostMapping("/persons/{personId}/bounced")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record that a person's notice bounced; the entry then needs a public notice or a reason")
    List<IncidentDeliveries.Delivery> bounced(@PathVariable UUID id, @PathVariable UUID personId, Authentication auth) {
        persons.deliveries(id);
        return deliveries.bounced(id, personId, CurrentActor.of(auth));
    }

    @GetMapping(value = "/persons/mailing.csv", produces = "text/csv")
    @PreAuthorize(WRITERS)
    @Operation(summary = "The persons whose address is still kept as a mailing file (email, language)")
    ResponseEntity<String> mailing(@PathVariable UUID id, Authentication auth) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(persons.mailingFile(id, CurrentActor.of(auth)));
    }

    @PostMapping("/persons/done")
    @PreAuthorize(WRITERS)
    @Operation(summary = "The notices are done: erase every address still held (409 on a closed entry)")
    Done done(@PathVariable UUID id, Authentication auth) {
        return new Done(persons.done(id, CurrentActor.of(auth)));
    }

    @PostMapping("/persons/transmitted")
    @PreAuthorize(WRITERS)
    @Operation(
            summary = "Record that the persons' notices were transmitted another way (date and how): the register"
                    + " dates the persons' notice with it and the addresses still kept are erased; the one recorded")
    PersonsTransmissions.Transmitted transmitted(
            @PathVariable UUID id, @RequestBody NewTransmission t, Authentication auth) {
        return transmissions.record(id, t.sentOn(), t.means(), CurrentActor.of(auth));
    }

    @PostMapping("/notices/commission/supplements")
    @PreAuthorize(WRITERS)
    @Operation(
            summary =
                    "Record supplementary information sent to the Commission after its first notice; the one recorded")
    IncidentPersonStore.Supplement supplement(
            @PathVariable UUID id, @RequestBody NewSupplement s, Authentication auth) {
        return supplements.record(id, s.sentOn(), s.information(), CurrentActor.of(auth));
    }

    @GetMapping("/notices/commission/supplements")
    @PreAuthorize(READERS)
    @Operation(summary = "The supplementary information sent to the Commission, oldest first")
    List<IncidentPersonStore.Supplement> supplements(@PathVariable UUID id) {
        return supplements.all(id);
    }
}
