package ca.gardien.retention;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Retention rules with their tables, runs (dry and real), approvals, certificates and legal holds. */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention", description = "Retention schedules swept in the organization's databases, holds, certificates")
class RetentionController {

    static final String READERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'AUDITOR')";
    static final String WRITERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')";

    private final RetentionRuns runs;
    private final RetentionSchedules schedules;
    private final RetentionHolds holds;
    private final RetentionCertificate certificates;

    RetentionController(
            RetentionRuns runs, RetentionSchedules schedules, RetentionHolds holds, RetentionCertificate certificates) {
        this.runs = runs;
        this.schedules = schedules;
        this.holds = holds;
        this.certificates = certificates;
    }

    record NewRun(String rule, Boolean dryRun) {}

    record TableView(String connector, String table, String triggerColumn) {}

    record RuleView(
            String id,
            String name,
            String duration,
            String trigger,
            String legalMinimum,
            String legalSource,
            String disposal,
            List<TableView> tables,
            boolean awaitingApproval,
            RunView lastRun) {}

    record Progress(long done, long estimated) {}

    record RunView(
            UUID id,
            String rule,
            boolean dryRun,
            String status,
            Instant cutoff,
            Instant requestedAt,
            Instant finishedAt,
            Map<String, RetentionRun.TableCount> counts,
            long swept,
            long held,
            Progress progress,
            String summarySha256,
            String approvedBy,
            Instant approvedAt,
            String failure) {

        static RunView of(RetentionRun r) {
            var counts = new LinkedHashMap<String, RetentionRun.TableCount>();
            r.counts().tables().forEach(t -> counts.put(t.table(), t));
            return new RunView(
                    r.id(),
                    r.rule(),
                    r.dryRun(),
                    r.status().name(),
                    r.cutoff(),
                    r.requestedAt(),
                    r.finishedAt(),
                    counts,
                    r.counts().swept(),
                    r.counts().held(),
                    new Progress(r.done(), Math.max(r.estimated(), r.done())),
                    r.summarySha256(),
                    r.approvedBy(),
                    r.approvedAt(),
                    r.failure());
        }
    }

    @GetMapping("/rules")
    @PreAuthorize(READERS)
    @Operation(summary = "The data map's retention rules, the tables kept under each, and their last run")
    List<RuleView> rules() {
        var locale = ApiLanguage.current();
        return schedules.all().stream()
                .map(s -> {
                    var last = runs.latest(s.rule().id(), 1).stream()
                            .findFirst()
                            .map(RunView::of)
                            .orElse(null);
                    var r = s.rule();
                    return new RuleView(
                            r.id(),
                            r.name() == null ? r.id() : r.name().in(locale),
                            r.duration(),
                            r.trigger(),
                            r.legalMinimum(),
                            r.legalSource(locale),
                            r.disposal(),
                            s.tables().stream()
                                    .map(t -> new TableView(t.connector(), t.table(), t.triggerColumn()))
                                    .toList(),
                            runs.awaitingApproval(r.id()),
                            last);
                })
                .toList();
    }

    @PostMapping("/runs")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Start a run of a rule: a dry run counts; a real run needs an approved dry run")
    ResponseEntity<RunView> start(@RequestBody NewRun body, Authentication auth) {
        if (body == null
                || body.rule() == null
                || body.rule().isBlank()
                || body.rule().length() > 100) {
            throw new InvalidInputException("rule", "retention.field.rule");
        }
        var run = runs.start(body.rule(), body.dryRun() == null || body.dryRun(), CurrentActor.of(auth));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/v1/retention/runs/" + run.id())
                .body(RunView.of(run));
    }

    @GetMapping("/runs")
    @PreAuthorize(READERS)
    @Operation(summary = "The latest runs, newest first, of one rule or of all")
    List<RunView> list(@RequestParam(required = false) String rule) {
        return runs.list(rule).stream().map(RunView::of).toList();
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A run: status, counts per table, held rows, progress")
    RunView get(@PathVariable UUID id) {
        return RunView.of(runs.get(id));
    }

    @PostMapping("/runs/{id}/approval")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Approve a completed dry run's counts: real runs of its rule may follow")
    RunView approve(@PathVariable UUID id, Authentication auth) {
        return RunView.of(runs.approve(id, CurrentActor.of(auth)));
    }

    @PostMapping("/runs/{id}/pause")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Pause a run after its current batch")
    RunView pause(@PathVariable UUID id, Authentication auth) {
        return RunView.of(runs.pause(id, CurrentActor.of(auth)));
    }

    @PostMapping("/runs/{id}/resume")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Resume a paused run from its checkpoint")
    RunView resume(@PathVariable UUID id, Authentication auth) {
        return RunView.of(runs.resume(id, CurrentActor.of(auth)));
    }

    @GetMapping(value = "/runs/{id}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READERS)
    @Operation(summary = "The destruction certificate of a completed real run (PDF, in the request's language)")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
        var pdf = certificates.pdf(runs.get(id), ApiLanguage.current());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"certificate-" + id + ".pdf\"")
                .body(pdf);
    }

    record NewHoldBody(
            String connector,
            String table,
            String subjectKind,
            String subject,
            UUID incident,
            UUID complaint,
            String reason,
            LocalDate endsOn) {}

    @PostMapping("/holds")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Place a legal hold on a connector, a table or a person's rows")
    ResponseEntity<RetentionHolds.Hold> hold(@RequestBody NewHoldBody b, Authentication auth) {
        if (b == null) throw new InvalidInputException("reason", "retention.field.reason");
        var hold = holds.place(
                new RetentionHolds.NewHold(
                        b.connector(),
                        b.table(),
                        b.subjectKind(),
                        b.subject(),
                        b.incident(),
                        b.complaint(),
                        b.reason(),
                        b.endsOn()),
                CurrentActor.of(auth));
        return ResponseEntity.status(HttpStatus.CREATED).body(hold);
    }

    @GetMapping("/holds")
    @PreAuthorize(READERS)
    @Operation(summary = "The active legal holds")
    List<RetentionHolds.Hold> holds() {
        return holds.active();
    }

    @PostMapping("/holds/{id}/release")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Release a legal hold: its rows are swept again from the next run")
    RetentionHolds.Hold release(@PathVariable UUID id, Authentication auth) {
        return holds.release(id, CurrentActor.of(auth));
    }
}
