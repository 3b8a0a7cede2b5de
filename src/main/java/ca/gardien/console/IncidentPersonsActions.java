package ca.gardien.console;

import ca.gardien.incidents.CommissionSupplements;
import ca.gardien.incidents.IncidentDeliveries;
import ca.gardien.incidents.IncidentPersons;
import ca.gardien.incidents.PersonsTransmissions;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.CsvFile;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The persons an entry concerns, from its page: the search through a database connector, the sending of their notices
 * (or the mailing file for a mailing outside Gardien), a bounce, the transmission of the notices recorded when they left
 * otherwise, the erasure of the addresses once the notices are done, and the supplements sent to the Commission. Only
 * those who write the register; each step is the same as its API call.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class IncidentPersonsActions {

    private final IncidentPersons persons;
    private final IncidentDeliveries deliveries;
    private final ConsoleTimes times;
    private final PersonsTransmissions transmissions;
    private final CommissionSupplements supplements;
    private final ca.gardien.mail.OutboxViews outbox;

    IncidentPersonsActions(
            IncidentPersons persons,
            IncidentDeliveries deliveries,
            ConsoleTimes times,
            PersonsTransmissions transmissions,
            CommissionSupplements supplements,
            ca.gardien.mail.OutboxViews outbox) {
        this.transmissions = transmissions;
        this.supplements = supplements;
        this.outbox = outbox;
        this.times = times;
        this.persons = persons;
        this.deliveries = deliveries;
    }

    @PostMapping("/console/incidents/{id}/send")
    String send(@PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        // without a mail server the notices wait in the outbox: said as such, not as sent (officer's walk of
        // 2026-12-07)
        var form = outbox.deliveryConfigured() ? "send" : "send-held";
        return step(id, form, request, flash, in -> persons.notifyAll(id, CurrentActor.of(auth)));
    }

    /**
     * Records that the persons' notices were transmitted outside Gardien's mail server (by post, a mailing of the
     * organization's own): the date and how; the register's date follows and the addresses still kept are erased.
     */
    @PostMapping("/console/incidents/{id}/persons/transmitted")
    String transmitted(
            @PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "persons-transmitted", request, flash, in -> {
            var sentOn = in.date("sentOn");
            var means = in.text("means");
            in.check(() -> required("means", means));
            return transmissions.record(id, sentOn, means, CurrentActor.of(auth));
        });
    }

    /** Records supplementary information sent to the Commission after its first notice, as its API call does. */
    @PostMapping("/console/incidents/{id}/supplements")
    String supplement(
            @PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "supplement", request, flash, in -> {
            var sentOn = in.date("sentOn");
            var information = in.text("information");
            in.check(() -> required("information", information));
            return supplements.record(id, sentOn, information, CurrentActor.of(auth));
        });
    }

    private static java.util.List<ca.gardien.shared.FieldError> required(String field, String value) {
        return value == null
                ? java.util.List.of(ca.gardien.shared.FieldError.of(field, "incidents.invalid.required"))
                : java.util.List.of();
    }

    /**
     * Finds the persons concerned in one table of a database connector: a window typed as local date-times in the
     * organization's zone, or keys one per line. What was found is shown on the page; addresses never are.
     */
    @PostMapping("/console/incidents/{id}/persons/search")
    String findPersons(
            @PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "persons-search", request, flash, in -> {
            var zone = times.zone();
            var search = new IncidentPersons.Search(
                    in.text("connector"),
                    in.text("table"),
                    in.text("emailColumn"),
                    in.text("languageColumn"),
                    in.text("timeColumn"),
                    in.localMoment("from", zone),
                    in.localMoment("to", zone),
                    in.text("keyColumn"),
                    in.lines("keys"),
                    in.text("defaultLanguage"));
            in.check();
            IncidentPersons.Found found;
            try {
                found = persons.find(id, search, CurrentActor.of(auth));
            } catch (ca.gardien.connectors.TargetUnavailableException e) {
                // the organization's database refused or did not answer: said on the form, nothing kept
                throw new ca.gardien.shared.ConflictException("incidents.conflict.target-failed", e.sqlState());
            }
            flash.addFlashAttribute("found", found);
            return found;
        });
    }

    /** The persons still to notify as a mailing file, for a mailing made outside Gardien (a ledger fact). */
    @GetMapping(value = "/console/incidents/{id}/persons/mailing.csv", produces = "text/csv")
    ResponseEntity<byte[]> mailing(@PathVariable UUID id, Authentication auth) {
        return CsvFile.download("incident-persons.csv", persons.mailingFile(id, CurrentActor.of(auth)));
    }

    /** The notices are done: every address still held is erased. */
    @PostMapping("/console/incidents/{id}/persons/done")
    String personsDone(
            @PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "persons", request, flash, in -> persons.done(id, CurrentActor.of(auth)));
    }

    @PostMapping("/console/incidents/{id}/persons/{personId}/bounced")
    String bounced(
            @PathVariable UUID id,
            @PathVariable UUID personId,
            HttpServletRequest request,
            Authentication auth,
            RedirectAttributes flash) {
        return step(id, "persons", request, flash, in -> deliveries.bounced(id, personId, CurrentActor.of(auth)));
    }

    private String step(
            UUID id,
            String form,
            HttpServletRequest request,
            RedirectAttributes flash,
            Function<IncidentInput, ?> step) {
        return IncidentInput.step(id, form, request, flash, step);
    }
}
