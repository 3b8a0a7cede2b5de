package ca.gardien.console;

import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.IncidentDeliveries;
import ca.gardien.incidents.IncidentMeasures;
import ca.gardien.incidents.IncidentNotices;
import ca.gardien.incidents.IncidentPersons;
import ca.gardien.incidents.Incidents;
import ca.gardien.incidents.Level;
import ca.gardien.incidents.MeasureKind;
import ca.gardien.incidents.NewMeasure;
import ca.gardien.incidents.NoticeDates;
import ca.gardien.incidents.RiskAssessment;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of an entry from its page, each the same as its API call: assignment, assessment, notice dates (with the
 * public notice and the authorities outside Québec), the advice to the persons, measures and their completion, the
 * search for the persons concerned through a database connector, the sending of their notices (or a mailing file),
 * a bounce, the erasure of the addresses once done, and closing. A refusal comes back to the page with what was typed and
 * each error next to its field. A staff member records the measures of the entries assigned to them.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class IncidentActions {

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentMeasures measures;
    private final IncidentPersons persons;
    private final IncidentDeliveries deliveries;
    private final MessageSource messages;

    IncidentActions(
            Incidents incidents,
            IncidentNotices notices,
            IncidentMeasures measures,
            IncidentPersons persons,
            IncidentDeliveries deliveries,
            MessageSource messages) {
        this.incidents = incidents;
        this.notices = notices;
        this.measures = measures;
        this.persons = persons;
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @PostMapping("/console/incidents/{id}/assignment")
    String assign(@PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "assignment", request, flash, in -> {
            var account = in.text("accountId");
            UUID accountId;
            try {
                accountId = account == null ? null : UUID.fromString(account);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("accountId", "incidents.invalid.assignee");
            }
            return incidents.assign(id, accountId, CurrentActor.of(auth));
        });
    }

    @PostMapping("/console/incidents/{id}/assessment")
    String assess(@PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "assessment", request, flash, in -> {
            var answers = new RiskAssessment.Answers(
                    level(in.text("sensitivity")),
                    in.text("sensitivityReason"),
                    level(in.text("consequences")),
                    in.text("consequencesReason"),
                    level(in.text("likelihood")),
                    in.text("likelihoodReason"),
                    in.text("illIntentionedUses"),
                    in.date("consultedOn"),
                    in.text("consultationNote"),
                    in.text("serious") == null ? null : in.checked("serious"),
                    in.text("overrideReason"));
            in.check();
            return incidents.assess(id, answers, CurrentActor.of(auth));
        });
    }

    @PostMapping("/console/incidents/{id}/notices")
    String dateNotices(
            @PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "notices", request, flash, in -> {
            var dates = new NoticeDates(
                    in.date("caiNoticeOn"),
                    in.date("personsNoticeOn"),
                    in.checked("publicNotice"),
                    in.text("publicNoticeReason"),
                    in.text("noNoticeReason"),
                    in.text("otherAuthorities"));
            in.check();
            return notices.date(id, dates, CurrentActor.of(auth));
        });
    }

    @PostMapping("/console/incidents/{id}/advice")
    String advise(@PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "advice", request, flash, in -> notices.advise(id, in.text("advice"), CurrentActor.of(auth)));
    }

    @PostMapping("/console/incidents/{id}/measures")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
    String addMeasure(
            @PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        incidents.get(id, IncidentCaller.of(auth));
        return step(id, "measure", request, flash, in -> {
            var kind = in.text("measureKind");
            var measure = new NewMeasure(
                    Arrays.stream(MeasureKind.values())
                            .filter(k -> k.name().equals(kind))
                            .findFirst()
                            .orElse(null),
                    in.text("description"),
                    in.text("owner"),
                    in.date("dueOn"),
                    in.date("doneOn"));
            in.check();
            return measures.addMeasure(id, measure, CurrentActor.of(auth));
        });
    }

    @PostMapping("/console/incidents/{id}/measures/{measureId}/done")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
    String measureDone(
            @PathVariable UUID id,
            @PathVariable UUID measureId,
            HttpServletRequest request,
            Authentication auth,
            RedirectAttributes flash) {
        incidents.get(id, IncidentCaller.of(auth));
        return step(id, "done-" + measureId, request, flash, in -> {
            var on = in.date("doneOn");
            in.check();
            return measures.measureDone(id, measureId, on, CurrentActor.of(auth));
        });
    }

    @PostMapping("/console/incidents/{id}/send")
    String send(@PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "send", request, flash, in -> persons.notifyAll(id, CurrentActor.of(auth)));
    }

    /**
     * Finds the persons concerned in one table of a database connector: a window typed as local date-times in the
     * organization's zone, or keys one per line. What was found is shown on the page; addresses never are.
     */
    @PostMapping("/console/incidents/{id}/persons/search")
    String findPersons(
            @PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "persons-search", request, flash, in -> {
            var zone = incidents.zone();
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
            var found = persons.find(id, search, CurrentActor.of(auth));
            flash.addFlashAttribute("found", found);
            return found;
        });
    }

    /** The persons still to notify as a mailing file, for a mailing made outside Gardien (a ledger fact). */
    @GetMapping(value = "/console/incidents/{id}/persons/mailing.csv", produces = "text/csv")
    ResponseEntity<String> mailing(@PathVariable UUID id, Authentication auth) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("incident-persons.csv")
                                .build()
                                .toString())
                .body(persons.mailingFile(id, CurrentActor.of(auth)));
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

    @PostMapping("/console/incidents/{id}/close")
    String close(@PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "close", request, flash, in -> incidents.close(id, CurrentActor.of(auth)));
    }

    /** Runs a step; a refusal goes back to the page with the form's typed values and its errors by field. */
    private String step(
            UUID id,
            String form,
            HttpServletRequest request,
            RedirectAttributes flash,
            Function<IncidentInput, ?> step) {
        var typed = IncidentInput.typed(request.getParameterMap());
        try {
            step.apply(new IncidentInput(typed));
            flash.addFlashAttribute("done", form);
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("form", form);
            flash.addFlashAttribute("typed", typed);
            flash.addFlashAttribute("fieldErrors", IncidentInput.errors(e, messages, LocaleContextHolder.getLocale()));
        }
        return "redirect:/console/incidents/" + id + "#" + form;
    }

    private static Level level(String value) {
        return Arrays.stream(Level.values())
                .filter(l -> l.name().equals(value))
                .findFirst()
                .orElse(null);
    }
}
