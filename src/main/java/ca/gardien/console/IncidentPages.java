package ca.gardien.console;

import ca.gardien.incidents.Incident;
import ca.gardien.incidents.IncidentDetails;
import ca.gardien.incidents.IncidentNotices;
import ca.gardien.incidents.IncidentPersons;
import ca.gardien.incidents.IncidentStatus;
import ca.gardien.incidents.Incidents;
import ca.gardien.incidents.Level;
import ca.gardien.incidents.NoticeDates;
import ca.gardien.incidents.RiskAssessment;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register of confidentiality incidents (filters and search), a new entry, and an entry's page: its figures, its
 * timeline in words, the guided assessment, the notice previews and the sending of the persons' notices. Auditors read;
 * the person in charge and delegates write; staff hold no incident work.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class IncidentPages {

    private static final String WRITERS = "hasAnyRole('PRIVACY_OFFICER','DELEGATE')";

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentPersons persons;
    private final MessageSource messages;

    IncidentPages(Incidents incidents, IncidentNotices notices, IncidentPersons persons, MessageSource messages) {
        this.incidents = incidents;
        this.notices = notices;
        this.persons = persons;
        this.messages = messages;
    }

    /** One line of the register: the entry and how urgent its clock reads. */
    record Row(Incident incident, String urgency, long hoursSinceAwareness) {}

    @GetMapping("/console/incidents")
    String register(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String unsent,
            @RequestParam(name = "q", required = false) String search,
            Model model) {
        var query = search == null || search.isBlank() || search.length() > 200
                ? null
                : search.strip().toLowerCase(Locale.ROOT);
        var rows = incidents.all().stream()
                .filter(i -> !"open".equals(status) || i.status() != IncidentStatus.CLOSED)
                .filter(i -> !"closed".equals(status) || i.status() == IncidentStatus.CLOSED)
                .filter(i -> !"true".equals(unsent) || !i.unsentNotices().isEmpty())
                .filter(i -> query == null
                        || (i.title() + "\n" + i.circumstances())
                                .toLowerCase(Locale.ROOT)
                                .contains(query))
                .map(this::row)
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("status", "open".equals(status) || "closed".equals(status) ? status : "");
        model.addAttribute("unsent", "true".equals(unsent));
        model.addAttribute("q", query == null ? "" : search.strip());
        return "console/incidents";
    }

    private Row row(Incident i) {
        var p = incidents.promptness(i);
        return new Row(i, p.urgency().name(), p.sinceAwareness().toHours());
    }

    @GetMapping("/console/incidents/new")
    @PreAuthorize(WRITERS)
    String newEntry() {
        return "console/incident-new";
    }

    @PostMapping("/console/incidents")
    @PreAuthorize(WRITERS)
    String record(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String occurredOn,
            @RequestParam(required = false) String awareAt,
            @RequestParam(required = false) String circumstances,
            @RequestParam(required = false) String piDescription,
            @RequestParam(required = false) Long personsCount,
            Authentication auth,
            Model model) {
        try {
            var details = new IncidentDetails(
                    title,
                    null,
                    piDescription,
                    null,
                    circumstances,
                    date(occurredOn),
                    null,
                    false,
                    awareAt == null || awareAt.isBlank() ? null : OffsetDateTime.parse(awareAt),
                    personsCount,
                    false,
                    List.of(),
                    List.of());
            return "redirect:/console/incidents/"
                    + incidents.record(details, CurrentActor.of(auth)).id();
        } catch (InvalidInputException | java.time.format.DateTimeParseException e) {
            model.addAttribute("refused", refusal(e));
            return "console/incident-new";
        }
    }

    @GetMapping("/console/incidents/{id}")
    String entry(@PathVariable UUID id, Model model) {
        var incident = incidents.get(id);
        model.addAttribute("i", incident);
        model.addAttribute("row", row(incident));
        model.addAttribute("timeline", IncidentTimeline.of(incident));
        model.addAttribute("deliveries", persons.deliveries(id));
        model.addAttribute("levels", Level.values());
        model.addAttribute(
                "missing",
                Incidents.missingForClosing(incident).stream()
                        .map(e -> e.field())
                        .toList());
        return "console/incident";
    }

    @GetMapping("/console/incidents/{id}/notices/{which}")
    ResponseEntity<String> preview(
            @PathVariable UUID id,
            @PathVariable String which,
            @RequestParam(name = "in", defaultValue = "fr") String lang) {
        var locale = ca.gardien.shared.Language.byCode(lang)
                .orElse(ca.gardien.shared.Language.FRENCH)
                .locale();
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(notices.html(id, which, locale));
    }

    @PostMapping("/console/incidents/{id}/assessment")
    @PreAuthorize(WRITERS)
    String assess(
            @PathVariable UUID id,
            @RequestParam(required = false) Level sensitivity,
            @RequestParam(required = false) String sensitivityReason,
            @RequestParam(required = false) Level consequences,
            @RequestParam(required = false) String consequencesReason,
            @RequestParam(required = false) Level likelihood,
            @RequestParam(required = false) String likelihoodReason,
            @RequestParam(required = false) String consultedOn,
            @RequestParam(required = false) String consultationNote,
            @RequestParam(required = false) Boolean serious,
            @RequestParam(required = false) String overrideReason,
            Authentication auth,
            RedirectAttributes flash) {
        return step(
                id,
                flash,
                () -> incidents.assess(
                        id,
                        new RiskAssessment.Answers(
                                sensitivity,
                                sensitivityReason,
                                consequences,
                                consequencesReason,
                                likelihood,
                                likelihoodReason,
                                null,
                                date(consultedOn),
                                consultationNote,
                                serious,
                                overrideReason),
                        CurrentActor.of(auth)));
    }

    @PostMapping("/console/incidents/{id}/notices")
    @PreAuthorize(WRITERS)
    String dateNotices(
            @PathVariable UUID id,
            @RequestParam(required = false) String caiNoticeOn,
            @RequestParam(required = false) String personsNoticeOn,
            Authentication auth,
            RedirectAttributes flash) {
        return step(
                id,
                flash,
                () -> notices.date(
                        id,
                        new NoticeDates(date(caiNoticeOn), date(personsNoticeOn), false, null, null),
                        CurrentActor.of(auth)));
    }

    @PostMapping("/console/incidents/{id}/send")
    @PreAuthorize(WRITERS)
    String send(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
        return step(id, flash, () -> persons.notifyAll(id, CurrentActor.of(auth)));
    }

    private String step(UUID id, RedirectAttributes flash, Supplier<?> step) {
        try {
            step.get();
            flash.addFlashAttribute("done", true);
        } catch (InvalidInputException | ConflictException | java.time.format.DateTimeParseException e) {
            flash.addFlashAttribute("refused", refusal(e));
        }
        return "redirect:/console/incidents/" + id;
    }

    private String refusal(RuntimeException e) {
        var locale = LocaleContextHolder.getLocale();
        if (e instanceof InvalidInputException invalid) {
            var parts = new ArrayList<String>();
            invalid.errors()
                    .forEach(f ->
                            parts.add(f.field() + " : " + f.in(messages, locale).message()));
            return String.join("; ", parts);
        }
        if (e instanceof ConflictException conflict) {
            return conflict.in(messages, locale);
        }
        return messages.getMessage("incidents.page.bad-date", null, locale);
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
