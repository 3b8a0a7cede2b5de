package ca.gardien.console;

import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.IncidentMeasures;
import ca.gardien.incidents.IncidentNotices;
import ca.gardien.incidents.Incidents;
import ca.gardien.incidents.Level;
import ca.gardien.incidents.MeasureKind;
import ca.gardien.incidents.NewMeasure;
import ca.gardien.incidents.NoticeDates;
import ca.gardien.incidents.RiskAssessment;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of an entry from its page, each the same as its API call: assignment, assessment, notice dates (with the
 * public notice and the authorities outside Québec), the advice to the persons, measures and their completion, the
 * and closing ({@link IncidentPersonsActions}: the persons concerned and their notices). A refusal comes back to the page with what was typed and
 * each error next to its field. A staff member records the measures of the entries assigned to them.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class IncidentActions {

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentMeasures measures;

    IncidentActions(Incidents incidents, IncidentNotices notices, IncidentMeasures measures) {
        this.incidents = incidents;
        this.notices = notices;
        this.measures = measures;
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
        // said as what it did, not a bare "C'est fait." (officer's walk)
        return IncidentInput.step(id, "done-" + measureId, "measure-done", request, flash, in -> {
            var on = in.date("doneOn");
            in.check();
            return measures.measureDone(id, measureId, on, CurrentActor.of(auth));
        });
    }

    @PostMapping("/console/incidents/{id}/close")
    String close(@PathVariable UUID id, HttpServletRequest request, Authentication auth, RedirectAttributes flash) {
        return step(id, "close", request, flash, in -> incidents.close(id, CurrentActor.of(auth)));
    }

    private String step(
            UUID id,
            String form,
            HttpServletRequest request,
            RedirectAttributes flash,
            Function<IncidentInput, ?> step) {
        return IncidentInput.step(id, form, request, flash, step);
    }

    private static Level level(String value) {
        return Arrays.stream(Level.values())
                .filter(l -> l.name().equals(value))
                .findFirst()
                .orElse(null);
    }
}
