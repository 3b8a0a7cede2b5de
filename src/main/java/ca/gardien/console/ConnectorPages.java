package ca.gardien.console;

import ca.gardien.connectors.ConnectorCatalog;
import ca.gardien.connectors.ConnectorRuns;
import ca.gardien.connectors.RunRequest;
import ca.gardien.shared.InvalidInputException;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Connected databases: the list, the discovered schema for review, and the plan for a sample identity. */
@Controller
@RequestMapping("/console/connectors")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class ConnectorPages {

    private final ConnectorCatalog catalog;
    private final ConnectorRuns runs;

    ConnectorPages(ConnectorCatalog catalog, ConnectorRuns runs) {
        this.catalog = catalog;
        this.runs = runs;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("connectors", catalog.list());
        return "console/connectors";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Model model) {
        model.addAttribute("connector", catalog.view(id));
        try {
            model.addAttribute("schema", catalog.schema(id, false));
        } catch (RuntimeException e) {
            model.addAttribute("unavailable", true); // not a database, or it does not answer
        }
        return "console/connector";
    }

    /** The plan for a sample identity, posted so that the identifier stays out of URLs and browser history. */
    @PostMapping("/{id}/plan")
    String plan(
            @PathVariable String id,
            @RequestParam(defaultValue = "email") String kind,
            @RequestParam(defaultValue = "") String value,
            @RequestParam(defaultValue = "ERASE") String action,
            Model model) {
        try {
            model.addAttribute("plan", runs.plan(id, new RunRequest(action, Map.of(kind, value), null)));
        } catch (InvalidInputException e) {
            model.addAttribute("planErrors", e.errors());
        } catch (RuntimeException e) {
            model.addAttribute("planUnavailable", true);
        }
        return one(id, model);
    }
}
