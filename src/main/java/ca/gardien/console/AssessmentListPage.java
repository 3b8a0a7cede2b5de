package ca.gardien.console;

import ca.gardien.assessments.AssessmentConsole;
import ca.gardien.assessments.AssessmentView;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Listing;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list of privacy impact assessments with its status filter, search by title or data-map item and CSV, and the form that starts one by hand for a project
 * not yet in the data map (the data map starts the others). The module decides who may start one.
 */
@Controller
class AssessmentListPage {

    private final AssessmentConsole assessments;
    private final MessageSource messages;
    private final ConsoleTimes times;

    AssessmentListPage(AssessmentConsole assessments, MessageSource messages, ConsoleTimes times) {
        this.assessments = assessments;
        this.times = times;
        this.messages = messages;
    }

    @GetMapping("/console/assessments")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(name = "q", required = false) String search,
            Authentication auth,
            Locale locale,
            Model model) {
        var chosen = status(status);
        var query = Listing.search(search);
        model.addAttribute("rows", rows(chosen, query, auth, locale));
        model.addAttribute("statuses", AssessmentConsole.statuses());
        model.addAttribute("status", chosen);
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("filtered", !chosen.isEmpty() || query != null);
        model.addAttribute("csv", ListLinks.href("/console/assessments/export.csv", "status", chosen, "q", query));
        model.addAttribute("templates", assessments.templates(locale));
        return "console/assessments";
    }

    /**
     * The list as filtered and searched on the page, as CSV for a spreadsheet: the assessments this reader may read
     * (a staff member only those assigned to them), when each was started in the organization's time, with its offset.
     */
    @GetMapping(value = "/console/assessments/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String status,
            @RequestParam(name = "q", required = false) String search,
            Authentication auth,
            Locale locale) {
        var lines = rows(status(status), Listing.search(search), auth, locale).stream()
                .map(r -> List.of(
                        r.title(),
                        r.itemName() == null ? "" : r.itemName(),
                        Integer.toString(r.version()),
                        r.statusLabel(),
                        Long.toString(r.lateMeasures()),
                        times.iso(r.createdAt())))
                .toList();
        var header = Stream.of(
                        "assessments.page.title",
                        "assessments.page.item",
                        "assessments.page.version",
                        "assessments.page.status",
                        "assessments.page.late",
                        "assessments.page.created")
                .map(k -> messages.getMessage(k, null, k, locale))
                .toList();
        return CsvFile.download("gardien-assessments.csv", Listing.csv(header, lines));
    }

    /** The assessments of a status (blank: any) whose title or data-map item holds the search, in any letter case. */
    private List<AssessmentView.Summary> rows(String status, String search, Authentication auth, Locale locale) {
        var needle = search == null ? null : search.toLowerCase(Locale.ROOT);
        return assessments.list(status, auth, locale).stream()
                .filter(r -> needle == null
                        || contains(r.title(), needle)
                        || contains(r.itemName(), needle)
                        || contains(r.item(), needle))
                .toList();
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String status(String asked) {
        return AssessmentConsole.statuses().contains(asked) ? asked : "";
    }

    @PostMapping("/console/assessments")
    String start(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String templateId,
            RedirectAttributes flash,
            Authentication auth,
            Locale locale,
            Model model) {
        try {
            var id = assessments.start(title, templateId, auth);
            flash.addFlashAttribute("done", messages.getMessage("assessments.done.started", null, locale));
            return "redirect:/console/assessments/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("typedTitle", title);
            return list(null, null, auth, locale, model);
        }
    }
}
