package ca.gardien.incidents;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ApiLanguage;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of confidentiality incidents. Auditors, delegates and the person in charge read it; delegates and the
 * person in charge write it; only the person in charge deletes an entry (after its keeping period). Staff hold no
 * incident work yet, so they see none.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Register of confidentiality incidents, risk assessment, notices, measures")
class IncidentController {

    static final String READERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'AUDITOR')";
    /** Readers and staff, who see the entries assigned to them. */
    static final String HANDLERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'AUDITOR', 'STAFF')";

    static final String WRITERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')";

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final RegisterFiles files;
    private final IncidentDeliveries deliveries;

    IncidentController(
            Incidents incidents, IncidentNotices notices, RegisterFiles files, IncidentDeliveries deliveries) {
        this.deliveries = deliveries;
        this.incidents = incidents;
        this.notices = notices;
        this.files = files;
    }

    /** An entry with its clock and what it still needs. */
    record IncidentView(
            @JsonUnwrapped Incident incident,
            long minutesSinceAwareness,
            Promptness.Urgency urgency,
            Instant gdprDueAt,
            boolean gdprOverdue,
            List<RiskAssessment.Notice> unsentNotices,
            List<String> missingForClosing,
            IncidentDeliveries.Counts deliveries) {}

    record Advice(String advice) {}

    IncidentView view(Incident incident) {
        var promptness = incidents.promptness(incident);
        return new IncidentView(
                incident,
                promptness.sinceAwareness().toMinutes(),
                promptness.urgency(),
                promptness.gdprDueAt(),
                promptness.gdprOverdue(),
                incident.unsentNotices(),
                incidents.missingForClosing(incident).stream()
                        .map(e -> e.field())
                        .toList(),
                deliveries.counts(incident.id()));
    }

    @GetMapping
    @PreAuthorize(HANDLERS)
    @Operation(summary = "Every entry of the register the caller may read (staff: those assigned), most recent first")
    List<IncidentView> list(Authentication auth) {
        return incidents.all(IncidentCaller.of(auth)).stream().map(this::view).toList();
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record an incident in the register (title, occurredOn, awareAt and circumstances at least)")
    ResponseEntity<IncidentView> record(@RequestBody IncidentDetails details, Authentication auth) {
        var incident = incidents.record(details, CurrentActor.of(auth));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id()))
                .body(view(incident));
    }

    @GetMapping("/{id}")
    @PreAuthorize(HANDLERS)
    @Operation(summary = "One entry with its assessment, notices, measures and clock (staff: if assigned to them)")
    IncidentView get(@PathVariable UUID id, Authentication auth) {
        return view(incidents.get(id, IncidentCaller.of(auth)));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    @Operation(
            summary = "Replace the description of an open entry (items 1–5 of the register, kind, systems, categories)")
    IncidentView describe(@PathVariable UUID id, @RequestBody IncidentDetails details, Authentication auth) {
        return view(incidents.describe(id, details, CurrentActor.of(auth)));
    }

    @PostMapping("/{id}/assessment")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Answer the s. 3.7 factors; confirm the suggested conclusion or override it with a reason")
    IncidentView assess(@PathVariable UUID id, @RequestBody RiskAssessment.Answers answers, Authentication auth) {
        return view(incidents.assess(id, answers, CurrentActor.of(auth)));
    }

    @PostMapping("/{id}/notices")
    @PreAuthorize(WRITERS)
    @Operation(
            summary = "Record the transmission dates of the notices, a public notice and its reason, or why none; a"
                    + " field omitted is left as recorded, null clears it")
    IncidentView notices(@PathVariable UUID id, @RequestBody NoticeDatesBody body, Authentication auth) {
        return view(notices.date(id, body::over, CurrentActor.of(auth)));
    }

    @PutMapping("/{id}/person-advice")
    @PreAuthorize(WRITERS)
    @Operation(summary = "The measures suggested to the persons concerned (item 5 of their notice)")
    IncidentView advise(@PathVariable UUID id, @RequestBody Advice advice, Authentication auth) {
        return view(notices.advise(id, advice.advice(), CurrentActor.of(auth)));
    }

    @GetMapping(value = "/{id}/notices/{which}.html", produces = "application/xhtml+xml")
    @PreAuthorize(READERS)
    @Operation(summary = "The notice to the Commission (which=commission) or to the persons (which=persons), printable")
    ResponseEntity<String> noticeHtml(
            @PathVariable UUID id,
            @PathVariable String which,
            @RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "xhtml+xml", java.nio.charset.StandardCharsets.UTF_8))
                .body(notices.html(id, which, Locale.forLanguageTag(lang)));
    }

    @GetMapping(value = "/{id}/notices/{which}.pdf", produces = "application/pdf")
    @PreAuthorize(READERS)
    @Operation(summary = "The notice to the Commission or to the persons as PDF")
    ResponseEntity<byte[]> noticePdf(
            @PathVariable UUID id,
            @PathVariable String which,
            @RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .body(notices.pdf(id, which, Locale.forLanguageTag(lang)));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Close an entry once the register holds every field s. 7 asks for")
    IncidentView close(@PathVariable UUID id, Authentication auth) {
        return view(incidents.close(id, CurrentActor.of(auth)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(
            summary = "Delete an entry; refused (409) before the end of its keeping period (5 years after awareness)")
    ResponseEntity<Void> delete(@PathVariable UUID id, Authentication auth) {
        incidents.delete(id, CurrentActor.of(auth));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/estimate")
    @PreAuthorize(READERS)
    @Operation(summary = "What the data map says of chosen systems and categories: sensitivity and activities involved")
    Estimate estimate(
            @RequestParam(defaultValue = "") List<String> systems,
            @RequestParam(defaultValue = "") List<String> categories) {
        return incidents.estimate(systems, categories);
    }

    @GetMapping(value = "/register.csv", produces = "text/csv")
    @PreAuthorize(READERS)
    @Operation(
            summary = "The register as CSV, one column per field of s. 7 of the regulation; in the caller's language")
    ResponseEntity<String> registerCsv(Authentication auth) {
        return files.csv(IncidentCaller.of(auth), ApiLanguage.current());
    }

    @GetMapping(value = "/register.pdf", produces = "application/pdf")
    @PreAuthorize(READERS)
    @Operation(
            summary = "The register as PDF for the Commission, every field of s. 7 per entry; in the caller's language")
    ResponseEntity<byte[]> registerPdf(Authentication auth) {
        return files.pdf(IncidentCaller.of(auth), ApiLanguage.current());
    }
}
