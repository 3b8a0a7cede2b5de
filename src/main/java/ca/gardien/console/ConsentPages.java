package ca.gardien.console;

import ca.gardien.consent.ConsentReports;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Consent in the console: rates per purpose, one subject's history and exports. The identifier to look up is posted,
 * not put in the URL, so that it stays out of access logs and browser history.
 */
@Controller
@RequestMapping("/console/consent")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class ConsentPages {

    private final ConsentReports reports;
    private final ConsentPurposeNames purposes;
    private final ConsentCsv csv;
    private final ca.gardien.shared.WebProperties web;

    ConsentPages(
            ConsentReports reports, ConsentPurposeNames purposes, ConsentCsv csv, ca.gardien.shared.WebProperties web) {
        this.reports = reports;
        this.purposes = purposes;
        this.csv = csv;
        this.web = web;
    }

    @GetMapping
    String rates(Model model, Locale locale) {
        page(model, locale);
        return "console/consent";
    }

    @PostMapping("/subject")
    String subject(
            @RequestParam(defaultValue = "") String identifier,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        page(model, locale);
        try {
            shown(reports.history(identifier.strip()), model, response);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("identifierError", true);
        }
        return "console/consent";
    }

    /**
     * One subject's history by the internal id the ledger names it by (its line links here): no identifier of the
     * person is shown or needed; an id that names nobody is a 404 said in words.
     */
    @GetMapping("/subjects/{subject}")
    String subjectById(@PathVariable String subject, Model model, Locale locale, HttpServletResponse response) {
        page(model, locale);
        shown(uuid(subject).flatMap(reports::history), model, response);
        return "console/consent";
    }

    private static void shown(
            java.util.Optional<? extends java.util.List<?>> history, Model model, HttpServletResponse response) {
        model.addAttribute("history", history.orElse(null));
        model.addAttribute("lookedUp", true);
        if (history.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static java.util.Optional<java.util.UUID> uuid(String text) {
        try {
            return text.length() == 36
                    ? java.util.Optional.of(java.util.UUID.fromString(text))
                    : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @PostMapping("/export")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "csv") String format, Authentication auth, Locale locale) {
        if (!format.matches("csv|json")) {
            return ResponseEntity.badRequest().build();
        }
        var chosen = "json".equals(format) ? ConsentReports.Format.JSON : ConsentReports.Format.CSV;
        var export =
                reports.export(chosen, CurrentActor.of(auth), records -> csv.records(records, names(locale), locale));
        if (chosen == ConsentReports.Format.CSV) {
            return CsvFile.download(export.filename(), new String(export.body(), StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.contentType() + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
                .body(export.body());
    }

    private void page(Model model, Locale locale) {
        model.addAttribute("rates", reports.rates());
        model.addAttribute("names", names(locale));
        model.addAttribute("iab", reports.iab());
        // the banner's two lines, at Gardien's public address (officer's review: the console never said how to install
        // it)
        model.addAttribute("bannerCss", web.link("/consent/banner.css"));
        model.addAttribute("bannerJs", web.link("/consent/banner.js"));
    }

    private Map<String, String> names(Locale locale) {
        return purposes.in(locale);
    }
}
