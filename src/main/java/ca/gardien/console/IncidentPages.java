package ca.gardien.console;

import ca.gardien.incidents.Incident;
import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.IncidentDeliveries;
import ca.gardien.incidents.IncidentKind;
import ca.gardien.incidents.IncidentNotices;
import ca.gardien.incidents.IncidentStatus;
import ca.gardien.incidents.Incidents;
import ca.gardien.incidents.Level;
import ca.gardien.incidents.MeasureKind;
import ca.gardien.incidents.RiskAssessment;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register of confidentiality incidents (filters and search) and an entry's page: its figures, its description,
 * its timeline in words, the guided assessment, the notices (previews, dates, sending, deliveries), the measures and
 * closing. Auditors read; the person in charge and delegates write; a staff member sees the entries assigned to them.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR','STAFF')")
class IncidentPages {

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentDeliveries deliveries;
    private final AccountViews accounts;
    private final ca.gardien.connectors.ConnectorDesk connectors;
    private final ConsoleTimes times;
    private final ca.gardien.organization.Organization organization;
    private final ca.gardien.incidents.PersonsTransmissions transmissions;
    private final ca.gardien.incidents.CommissionSupplements supplements;

    IncidentPages(
            Incidents incidents,
            IncidentNotices notices,
            IncidentDeliveries deliveries,
            AccountViews accounts,
            ca.gardien.connectors.ConnectorDesk connectors,
            ConsoleTimes times,
            ca.gardien.organization.Organization organization,
            ca.gardien.incidents.PersonsTransmissions transmissions,
            ca.gardien.incidents.CommissionSupplements supplements) {
        this.transmissions = transmissions;
        this.supplements = supplements;
        this.organization = organization;
        this.connectors = connectors;
        this.times = times;
        this.incidents = incidents;
        this.notices = notices;
        this.deliveries = deliveries;
        this.accounts = accounts;
    }

    /** One line of the register: the entry and how urgent its clock reads. */
    record Row(Incident incident, String urgency, long hoursSinceAwareness) {}

    /** An account an entry may be assigned to: its id and the name shown. */
    record Handler(UUID id, String name) {}

    @GetMapping("/console/incidents")
    String register(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String unsent,
            @RequestParam(name = "q", required = false) String search,
            Authentication auth,
            Model model) {
        var query = search == null || search.isBlank() || search.length() > 200
                ? null
                : search.strip().toLowerCase(Locale.ROOT);
        // a reference as typed ("i-2026-3"), found whole; otherwise words of the reference, title or circumstances
        var reference = ca.gardien.shared.References.parse(search);
        var rows = incidents.all(IncidentCaller.of(auth)).stream()
                .filter(i -> !"open".equals(status) || i.status() != IncidentStatus.CLOSED)
                .filter(i -> !"closed".equals(status) || i.status() == IncidentStatus.CLOSED)
                .filter(i -> !"true".equals(unsent) || !i.unsentNotices().isEmpty())
                .filter(i -> query == null
                        || i.reference().equals(reference)
                        || (i.reference() + "\n" + i.title() + "\n" + i.circumstances())
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

    @GetMapping("/console/incidents/{id}")
    String entry(@PathVariable UUID id, Authentication auth, Model model) {
        var caller = IncidentCaller.of(auth);
        var incident = incidents.get(id, caller);
        model.addAttribute("i", incident);
        model.addAttribute("row", row(incident));
        model.addAttribute("awareAt", incident.awareAt());
        model.addAttribute("timeline", IncidentTimeline.of(incident, times.zone()));
        var delivered = deliveries.all(id);
        model.addAttribute("deliveries", delivered);
        // persons found whose notice is not queued yet: what "send" and the mailing file are about
        model.addAttribute("pending", pending(delivered));
        model.addAttribute("counts", IncidentDeliveries.counts(delivered));
        var transmitted = transmissions.all(id);
        model.addAttribute("transmitted", transmitted);
        // notices held in the outbox (no mail server) and not recorded as transmitted otherwise: they have not left
        model.addAttribute("heldNotices", transmitted.isEmpty() ? transmissions.held(id) : 0);
        // their date comes from their sending or a recorded transmission: the dates form does not offer it meanwhile
        model.addAttribute("personsNoticeWaits", IncidentNotices.personsNoticeWaits(delivered, transmitted));
        // the mailing file and the erasure are about them: not notified yet, or their notices held in the outbox
        model.addAttribute("addressesKept", deliveries.addressesKept(id));
        model.addAttribute("supplements", supplements.all(id));
        var advice = notices.personAdvice(id);
        model.addAttribute("advice", advice);
        model.addAttribute("levels", Level.values());
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("measureKinds", MeasureKind.values());
        model.addAttribute("today", times.today());
        // measures not done yet: the register shows them as planned, which closing should not leave by mistake
        model.addAttribute(
                "openMeasures",
                incident.measures().stream().filter(m -> m.doneOn() == null).count());
        model.addAttribute("estimate", incidents.estimate(incident.systems(), incident.categories()));
        model.addAttribute("previews", caller.readsNotices());
        model.addAttribute("writes", caller.writes() && incident.status() != IncidentStatus.CLOSED);
        // the Commission may ask for more after closing: supplements stay recordable on a closed entry, only they
        model.addAttribute("writesSupplements", caller.writes());
        model.addAttribute("works", caller.works(incident) && incident.status() != IncidentStatus.CLOSED);
        model.addAttribute("handlers", caller.writes() ? handlers() : List.of());
        // the database connectors the persons concerned can be looked for in (a search needs one)
        model.addAttribute(
                "databases",
                caller.writes()
                        ? connectors.list().stream()
                                .filter(c -> "jdbc".equals(c.type()))
                                .map(ca.gardien.connectors.ConnectorView::id)
                                .toList()
                        : List.of());
        model.addAttribute("assignee", accounts.nameOf(incident.assignedTo()).orElse(null));
        model.addAttribute("missing", incidents.missingForClosing(incident));
        // the notice to the Commission is dated (sent) here: say when it lacks the enterprise number
        model.addAttribute(
                "neqMissing",
                caller.readsNotices()
                        && incident.unsentNotices().contains(RiskAssessment.Notice.COMMISSION)
                        && IncidentNoticePreview.neqMissing(organization));
        // what each notice still lacks, said before anything is sent (officer's walk: a placeholder reached the outbox)
        var unsent = incident.unsentNotices();
        var personsGaps = caller.writes() && (pending(delivered) > 0 || unsent.contains(RiskAssessment.Notice.PERSONS))
                ? IncidentNoticeGap.of(id, notices.missing(incident, advice, "persons"))
                : List.<IncidentNoticeGap>of();
        model.addAttribute("personsGaps", personsGaps);
        model.addAttribute("personsGapFields", IncidentNoticeGap.fields(personsGaps));
        model.addAttribute(
                "commissionGaps",
                caller.readsNotices() && unsent.contains(RiskAssessment.Notice.COMMISSION)
                        ? IncidentNoticeGap.of(id, notices.missing(incident, advice, "commission"))
                        : List.of());
        model.addAttribute("suggested", suggested(incident, model));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
            model.addAttribute("fieldErrors", Map.of());
            model.addAttribute("typedForm", "");
        }
        return "console/incident";
    }

    /**
     * The conclusion the answers suggest, shown beside "keep the suggested conclusion" (officer's walk: it was chosen
     * unseen): from the levels of a refused form when all three were typed, else from the saved assessment; null
     * before any answer (the page then says the rule in words).
     */
    private static Boolean suggested(Incident incident, Model model) {
        if ("assessment".equals(model.getAttribute("typedForm"))
                && model.getAttribute("typed") instanceof Map<?, ?> typed) {
            try {
                return RiskAssessment.suggest(
                        Level.valueOf(String.valueOf(typed.get("sensitivity"))),
                        Level.valueOf(String.valueOf(typed.get("consequences"))),
                        Level.valueOf(String.valueOf(typed.get("likelihood"))));
            } catch (IllegalArgumentException e) {
                return null; // a level not chosen: no suggestion yet
            }
        }
        return incident.assessment() == null ? null : incident.assessment().suggestedSerious();
    }

    private static long pending(List<IncidentDeliveries.Delivery> delivered) {
        return delivered.stream().filter(d -> "PENDING".equals(d.status())).count();
    }

    private List<Handler> handlers() {
        return accounts.active(Role.STAFF, Role.DELEGATE, Role.PRIVACY_OFFICER).stream()
                .map(a -> new Handler(a.id(), a.name()))
                .toList();
    }
}
