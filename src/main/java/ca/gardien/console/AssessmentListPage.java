package ca.gardien.console;

import ca.gardien.assessments.AssessmentConsole;
import ca.gardien.shared.InvalidInputException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list of privacy impact assessments with its status filter, and the form that starts one by hand for a project
 * not yet in the data map (the data map starts the others). The module decides who may start one.
 */
@Controller
class AssessmentListPage {

    private final AssessmentConsole assessments;
    private final MessageSource messages;

    AssessmentListPage(AssessmentConsole assessments, MessageSource messages) {
        this.assessments = assessments;
        this.messages = messages;
    }

    @GetMapping("/console/assessments")
    String list(@RequestParam(required = false) String status, Authentication auth, Locale locale, Model model) {
        var chosen = AssessmentConsole.statuses().contains(status) ? status : "";
        model.addAttribute("rows", assessments.list(chosen, auth, locale));
        model.addAttribute("statuses", AssessmentConsole.statuses());
        model.addAttribute("status", chosen);
        model.addAttribute("templates", assessments.templates(locale));
        return "console/assessments";
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
            return list(null, auth, locale, model);
        }
    }
}
