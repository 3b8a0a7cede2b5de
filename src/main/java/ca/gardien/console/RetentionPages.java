package ca.gardien.console;

import ca.gardien.retention.RetentionConsole;
import ca.gardien.retention.RetentionOwnData;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.FormSteps;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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
 * Retention in the console: each rule with its tables and last run, a dry run to start, its counts to review and
 * approve, the real run, pause and resume, the destruction certificate; the legal holds with a form to place one; and
 * the schedules on which Gardien destroys its own data about people. The module decides who may act; auditors read.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class RetentionPages {

    static final String PAGE = "/console/retention";

    private final RetentionConsole retention;
    private final RetentionOwnData ownData;
    private final ca.gardien.connectors.ConnectorDesk connectors;

    RetentionPages(
            RetentionConsole retention, RetentionOwnData ownData, ca.gardien.connectors.ConnectorDesk connectors) {
        this.retention = retention;
        this.ownData = ownData;
        this.connectors = connectors;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String show, Locale locale, Model model, Authentication auth) {
        var shown = show != null && RetentionConsole.FILTERS.contains(show) ? show : null;
        model.addAttribute("rules", retention.rules(locale, shown));
        model.addAttribute("shown", shown);
        model.addAttribute("holds", retention.holds(locale, auth));
        model.addAttribute("incidents", retention.incidentChoices(locale, auth));
        model.addAttribute("complaints", retention.complaintChoices(locale, auth));
        // a hold names a registered database connector: chosen, not typed (officer's review: a free text box)
        model.addAttribute(
                "connectors",
                connectors.list().stream()
                        .filter(c -> "jdbc".equals(c.type()))
                        .map(ca.gardien.connectors.ConnectorView::id)
                        .toList());
        model.addAttribute("ownData", ownData.lines(locale));
        return "console/retention";
    }

    /**
     * The forms' own addresses opened by GET (a reload, Back, the address typed): the page the forms are on, not a 405
     * that read as a passing problem (officer's walk).
     */
    @GetMapping({PAGE + "/runs", PAGE + "/holds"})
    String toThePage(jakarta.servlet.http.HttpServletRequest request) {
        return "redirect:" + PAGE + (request.getRequestURI().endsWith("/holds") ? "#holds" : "");
    }

    @PostMapping(PAGE + "/runs")
    String start(
            @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "true") boolean dryRun,
            RedirectAttributes flash,
            Authentication auth) {
        var back = rule == null || !rule.matches("[a-z0-9][a-z0-9._-]{0,99}") ? PAGE : PAGE + "#rule-" + rule;
        // said for what it started, not a bare "C'est fait." (officer's walk)
        return FormSteps.at(back).run(flash, () -> retention.start(rule, dryRun, auth), dryRun ? "dry-run" : "run");
    }

    @PostMapping(PAGE + "/runs/{id}/{step:approval|pause|resume}")
    String step(@PathVariable UUID id, @PathVariable String step, RedirectAttributes flash, Authentication auth) {
        var back = retention.ruleOf(id).map(rule -> PAGE + "#rule-" + rule).orElse(PAGE);
        return FormSteps.at(back)
                .run(
                        flash,
                        () -> {
                            switch (step) {
                                case "approval" -> retention.approve(id, auth);
                                case "pause" -> retention.pause(id, auth);
                                default -> retention.resume(id, auth);
                            }
                        },
                        "approval".equals(step) ? "approved" : step + "d");
    }

    /** Takes back the approval the rule's real runs follow (the only brake was a legal hold: officer's walk). */
    @PostMapping(PAGE + "/runs/{id}/approval/withdrawal")
    String withdraw(@PathVariable UUID id, RedirectAttributes flash, Authentication auth) {
        var back = retention.ruleOf(id).map(rule -> PAGE + "#rule-" + rule).orElse(PAGE);
        return FormSteps.at(back).run(flash, () -> retention.withdrawApproval(id, auth), "approval-withdrawn");
    }

    @GetMapping(PAGE + "/runs/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, Locale locale) {
        var pdf = retention.certificate(id, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"certificat-destruction-"
                                + id.toString().substring(0, 8) + ".pdf\"")
                .body(pdf);
    }

    @GetMapping(PAGE + "/anonymizations.csv")
    ResponseEntity<byte[]> register(Locale locale) {
        return CsvFile.download("registre-anonymisations.csv", retention.anonymizationRegister(locale));
    }

    @PostMapping(PAGE + "/holds")
    String hold(
            @RequestParam(required = false) String connector,
            @RequestParam(required = false) String table,
            @RequestParam(required = false) String subjectKind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String incident,
            @RequestParam(required = false) String complaint,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String endsOn,
            RedirectAttributes flash,
            Authentication auth) {
        var typed = FormSteps.typed(
                "connector",
                connector,
                "table",
                table,
                "subjectKind",
                subjectKind,
                "incident",
                incident,
                "complaint",
                complaint,
                "reason",
                reason,
                "endsOn",
                endsOn,
                // the person's identifier is not kept across the refusal (flash attributes live in the session): the
                // form asks to type it again rather than coming back silently empty (officer's review)
                "subjectTyped",
                subject == null || subject.isBlank() ? null : "true");
        return FormSteps.at(PAGE + "#holds")
                .form("holdForm", typed)
                .run(
                        flash,
                        () -> retention.placeHold(
                                connector, table, subjectKind, subject, incident, complaint, reason, endsOn, auth),
                        "hold-placed");
    }

    @PostMapping(PAGE + "/holds/{id}/release")
    String release(@PathVariable UUID id, RedirectAttributes flash, Authentication auth) {
        return FormSteps.at(PAGE + "#holds").run(flash, () -> retention.releaseHold(id, auth), "hold-released");
    }
}
