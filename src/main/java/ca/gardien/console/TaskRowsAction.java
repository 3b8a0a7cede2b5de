package ca.gardien.console;

import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "More rows" on a task's form: the form comes back with ten more rows and everything typed kept (it was a link that
 * reloaded the page, and every row typed was lost). Nothing is completed, written or recorded.
 */
@Controller
@RequestMapping("/console/requests/{id}")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class TaskRowsAction {

    static final int MORE = 5;

    @PostMapping("/tasks/{task}/rows")
    String more(
            @PathVariable UUID id,
            @PathVariable UUID task,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note,
            jakarta.servlet.http.HttpServletRequest form,
            RedirectAttributes flash) {
        var sent = TaskForm.read(task, outcome, note, form).withMoreRows(MORE);
        flash.addFlashAttribute(TaskForm.NAME, sent.typed());
        flash.addFlashAttribute("fieldErrors", Map.of());
        return "redirect:/console/requests/" + id + "#task-" + task;
    }
}
